import type { Instruction } from '../model/types';
import { replace } from './edits';
import { defineRule, type ReportedProblem } from './rule';

export default defineRule({
  id: 'legacy-key-value-format',
  summary: "ENV or LABEL written as 'key value' instead of 'key=value'.",
  severity: 'warning',
  buildkit: 'LegacyKeyValueFormat',
  check({ model, report }) {
    for (const instruction of model.preamble) checkInstruction(instruction, report);
  },
  checkStage({ stage, report }) {
    for (const instruction of stage.instructions) checkInstruction(instruction, report);
  },
});

/** Checks one instruction, in a stage or before the first FROM. */
function checkInstruction(instruction: Instruction, report: (problem: ReportedProblem) => void): void {
  if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') return;
  const firstWord = instruction.args[0]?.value ?? '';
  if (firstWord === '' || firstWord.includes('=')) return;
  const first = instruction.args[0];
  const rest = instruction.args.slice(1);
  const last = rest[rest.length - 1];
  const oneLine = first && last && first.range.start.line === last.range.end.line;
  const value = rest.map((arg) => arg.value).join(' ');
  // The legacy form takes everything after the key as one value: quote it when it has spaces.
  const written = rest.length === 1 || /^".*"$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  report({
    range: instruction.range,
    message: `'${instruction.keyword} ${firstWord} …' is the legacy form; write '${instruction.keyword} ${firstWord}=…'.`,
    fixes: oneLine && last ? [{ title: `Write ${firstWord}=…`, edits: [replace({ start: first.range.start, end: last.range.end }, `${firstWord}=${written}`)], preferred: true }] : [],
  });
}
