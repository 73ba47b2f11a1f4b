import { defineRule } from './rule';

export default defineRule({
  id: 'maintainer-deprecated',
  summary: 'MAINTAINER is deprecated; use a LABEL.',
  severity: 'warning',
  tags: ['deprecated'],
  hadolint: ['DL4000'],
  buildkit: 'MaintainerDeprecated',
  check({ model, report }) {
    for (const instruction of [...model.preamble, ...model.stages.flatMap((stage) => stage.instructions)]) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      report({
        range: instruction.keywordRange,
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="…" instead.',
      });
    }
  },
});
