import { forEachInstruction } from './instruction-list';
import { defineRule } from './rule';

export default defineRule({
  id: 'maintainer-deprecated',
  summary: 'MAINTAINER is deprecated; use a LABEL.',
  severity: 'warning',
  tags: ['deprecated'],
  hadolint: ['DL4000'],
  buildkit: 'MaintainerDeprecated',
  check({ model, report }) {
    forEachInstruction(model, (instruction) => {
      if (instruction.keyword !== 'MAINTAINER') return;
      report({
        range: instruction.keywordRange,
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="…" instead.',
      });
    });
  },
});
