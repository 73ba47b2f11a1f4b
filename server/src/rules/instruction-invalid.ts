import type { Instruction, Stage } from '../model/types';
import { defineRule, type ReportedProblem } from './rule';
import { isTemplateDirective } from '../words/templates';

const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** The flags BuildKit accepts, per instruction. */
const FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  FROM: new Set(['platform']),
  COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
  ADD: new Set(['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack']),
  RUN: new Set(['mount', 'network', 'security', 'device']),
  HEALTHCHECK: new Set(['interval', 'timeout', 'start-period', 'start-interval', 'retries']),
};

/** What parses but cannot be built: BuildKit stops on it before running anything. */
export default defineRule({
  id: 'instruction-invalid',
  summary: 'An instruction BuildKit cannot build: unknown instruction, missing arguments, an unknown flag, or anything but ARG before the first FROM.',
  severity: 'error',
  check({ model, report }) {
    for (const instruction of model.preamble) checkInstruction(instruction, null, report);
  },
  checkStage({ stage, report }) {
    for (const instruction of stage.instructions) checkInstruction(instruction, stage, report);
  },
});

/** Checks one instruction; `stage` is null before the first FROM. */
function checkInstruction(instruction: Instruction, stage: Stage | null, report: (problem: ReportedProblem) => void): void {
  const keyword = instruction.keyword;
  if (isTemplateDirective(keyword)) return;
  if (!KNOWN.has(keyword)) {
    report({ range: instruction.keywordRange, message: `Unknown instruction '${keyword}'.` });
    return;
  }
  if (!stage && keyword !== 'ARG') {
    report({ range: instruction.keywordRange, message: `${keyword} cannot come before the first FROM; only ARG can.` });
  }
  const missing = missingArguments(instruction);
  if (missing) report({ range: instruction.range, message: missing });
  const allowed = FLAGS[keyword];
  for (const flag of instruction.flags) {
    if (allowed?.has(flag.name.toLowerCase())) continue;
    report({ range: flag.range, message: flag.name === '' ? `${keyword} has an empty flag '--'.` : `${keyword} has no flag --${flag.name}.` });
  }
}

function missingArguments(instruction: Instruction): string | null {
  const keyword = instruction.keyword;
  if (instruction.args.length === 0 && instruction.heredocs.length === 0) {
    return keyword === 'FROM' ? 'FROM needs an image (or an earlier stage) to start from.' : `${keyword} needs arguments.`;
  }
  if ((keyword === 'COPY' || keyword === 'ADD') && !instruction.jsonForm && instruction.args.length < 2) {
    return `${keyword} needs a source and a destination.`;
  }
  return null;
}
