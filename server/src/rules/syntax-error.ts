import { instructionBody } from '../model/instruction-text';
import type { DockerfileModel, Instruction } from '../model/types';
import { defineRule, type ReportedProblem } from './rule';

const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

/** What BuildKit's parser itself rejects; what it parses but cannot build is instruction-invalid. */
export default defineRule({
  id: 'syntax-error',
  summary: "The Dockerfile does not parse: an unterminated heredoc, ENV/LABEL without a value, an exec form that is not an array of strings, or no instruction at all.",
  severity: 'error',
  check({ model, report }) {
    for (const problem of model.problems) report({ range: problem.range, message: problem.message });
    for (const instruction of model.preamble) checkInstruction(model, instruction, report);
    if (model.preamble.length === 0 && model.stages.length === 0) {
      report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'The Dockerfile has no instructions; it needs at least a FROM.' });
    }
  },
  checkStage({ model, stage, report }) {
    for (const instruction of stage.instructions) checkInstruction(model, instruction, report);
  },
});

/** An ENV or LABEL without a value, or an exec form that is not an array of strings. */
function checkInstruction(model: DockerfileModel, instruction: Instruction, report: (problem: ReportedProblem) => void): void {
  const keyword = instruction.keyword;
  if ((keyword === 'ENV' || keyword === 'LABEL') && instruction.args.length === 1 && !(instruction.args[0]?.value ?? '').includes('=')) {
    const body = instructionBody(model, instruction);
    if (!body.includes('=') && instruction.args.length < 2) {
      report({ range: instruction.range, message: `${keyword} ${body} needs a value: ${keyword} ${body}=<value>.` });
    }
  }
  // Only a text that starts with `[` can be an exec form; the rest needs no second look.
  const first = instruction.args.find((arg) => !arg.value.startsWith('--')) ?? instruction.args[0];
  if (EXEC_FORM.has(keyword) && instruction.heredocs.length === 0 && first?.value.startsWith('[')) {
    const problem = execFormProblem(instructionBody(model, instruction));
    if (problem) report({ range: instruction.range, message: `${keyword} ${problem}` });
  }
}

/** BuildKit reads `[…]` as the exec form only when it is a JSON array of strings. */
function execFormProblem(body: string): string | null {
  const text = body.replace(/^(\s*--\S+\s+)*/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(parsed) && parsed.some((item) => typeof item !== 'string')) return 'in exec form must be a JSON array of strings.';
  return null;
}
