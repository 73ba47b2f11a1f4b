import type { Instruction } from '../model/types';
import { replace } from './edits';
import { defineRule, type ReportedProblem } from './rule';

export default defineRule({
  id: 'maintainer-deprecated',
  summary: 'MAINTAINER is deprecated; use a LABEL.',
  severity: 'warning',
  tags: ['deprecated'],
  hadolint: ['DL4000'],
  buildkit: 'MaintainerDeprecated',
  check({ model, report }) {
    for (const instruction of model.preamble) checkInstruction(instruction, report);
  },
  checkStage({ stage, report }) {
    for (const instruction of stage.instructions) checkInstruction(instruction, report);
  },
});

/** Checks one instruction, in a stage or before the first FROM. */
function checkInstruction(instruction: Instruction, report: (problem: ReportedProblem) => void): void {
  if (instruction.keyword !== 'MAINTAINER') return;
  const author = instruction.args.map((arg) => arg.value).join(' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const oneLine = instruction.range.start.line === instruction.range.end.line;
  report({
    range: instruction.keywordRange,
    message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="…" instead.',
    fixes: oneLine
      ? [{ title: 'Replace with LABEL org.opencontainers.image.authors', edits: [replace(instruction.range, `LABEL org.opencontainers.image.authors="${author}"`)], preferred: true }]
      : [],
  });
}
