import { shippedStages } from '../model/stage-graph';
import { lineBreak, stageTitle } from '../model/queries';
import { expandIfKnown } from '../model/variable-scope';
import { insertAt } from './edits';
import { defineRule } from './rule';
import { baseImageOf, isWindowsStage } from './stage-state';

export default defineRule({
  id: 'final-no-healthcheck',
  summary: 'A shipped image serves a port but nothing checks its health.',
  // A hint, not a warning: Kubernetes ignores HEALTHCHECK for its own probes, so most real images
  // rightly have none; it helps where `docker run`, Compose or Swarm run the image.
  severity: 'hint',
  check({ model, shipping, imageFacts, platform, report }) {
    const reported = new Set<unknown>();
    for (const { stage, because } of shipping.shipped) {
      const chain = shippedStages(model, stage);
      const instructions = chain.flatMap((s) => s.instructions);
      if (instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK')) continue;
      // A compose `healthcheck:` for the service does the same job from outside the image.
      const uses = shipping.uses.get(stage.index) ?? [];
      if (uses.some((use) => use.healthChecked)) continue;
      // Services that run the image with different commands (server, worker, scheduler): no one check fits them all.
      if (new Set(uses.flatMap((use) => (use.command !== undefined ? [use.command] : []))).size > 1) continue;
      if (isWindowsStage(model, stage, imageFacts)) continue;
      const expose = instructions.find((instruction) => instruction.keyword === 'EXPOSE');
      if (!expose || reported.has(expose)) continue;
      reported.add(expose);
      // `EXPOSE ${PORT}` says the port through the stage's ARG or ENV.
      const written = expose.args[0]?.value ?? '';
      const port = /^\d+/.exec(expandIfKnown(model, expose.range.start.line, written, platform) ?? written)?.[0] ?? (/^\$\{?\w+\}?$/.test(written) ? written : '8080');
      const base = chain[0] ? baseImageOf(model, chain[0], platform) : null;
      const baseFacts = base !== null ? imageFacts(base)?.facts : undefined;
      // The base image's own HEALTHCHECK is inherited.
      if (baseFacts?.healthcheck === true) continue;
      // Without a shell or a client in the image (scratch, distroless) a HEALTHCHECK needs a probe
      // binary the image does not have: such images are probed from outside (Kubernetes).
      if (baseFacts?.shell === false || base?.toLowerCase() === 'scratch') continue;
      const hasShell = baseFacts?.shell === true;
      const nl = lineBreak(model);
      report({
        range: expose.range,
        message: `${stageTitle(stage)} serves port ${port} but has no HEALTHCHECK, so \`docker run\` and Compose cannot tell a hung server from a healthy one. It ships because ${because}.`,
        fixes: hasShell
          ? [{
              title: 'Add a HEALTHCHECK template',
              edits: [insertAt(expose.range.end, `${nl}HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\${nl}    CMD wget -q --spider http://localhost:${port}/health || exit 1`)],
              unsafe: true,
            }]
          : [],
      });
    }
  },
});

