import { shippedStages } from '../model/stage-graph';
import { lineBreak } from '../model/queries';
import { insertAt } from './edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'final-no-healthcheck',
  summary: 'The stage that ships exposes a port but has no HEALTHCHECK.',
  severity: 'info',
  check({ model, shipping, report }) {
    const reported = new Set<unknown>();
    for (const { stage } of shipping.shipped) {
    const instructions = shippedStages(model, stage).flatMap((s) => s.instructions);
    if (instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK')) continue;
    const expose = instructions.find((instruction) => instruction.keyword === 'EXPOSE');
    if (!expose || reported.has(expose)) continue;
    reported.add(expose);
    const port = /^\d+/.exec(expose.args[0]?.value ?? '')?.[0] ?? '8080';
    const nl = lineBreak(model);
    report({
      range: expose.range,
      message: 'The image serves a port but has no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one.',
      // A template: the command depends on what the image has (curl, wget, the app itself).
      fixes: [{
        title: 'Add a HEALTHCHECK template',
        edits: [insertAt(expose.range.end, `${nl}HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\${nl}    CMD wget -q --spider http://localhost:${port}/health || exit 1`)],
        unsafe: true,
      }],
    });
    }
  },
});
