import { shippedStages } from '../model/stage-graph';
import { defineRule } from './rule';

export default defineRule({
  id: 'final-no-healthcheck',
  summary: 'The stage that ships exposes a port but has no HEALTHCHECK.',
  severity: 'info',
  check({ model, target, report }) {
    const instructions = shippedStages(model, target).flatMap((stage) => stage.instructions);
    if (instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK')) return;
    const expose = instructions.find((instruction) => instruction.keyword === 'EXPOSE');
    if (!expose) return;
    report({
      range: expose.range,
      message: 'The image serves a port but has no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one.',
    });
  },
});
