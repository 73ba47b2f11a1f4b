import { lineBreak, lineText } from '../model/queries';
import { packageActions, removedPaths } from '../shell/packages';
import { insertAt } from './edits';
import { defineRule } from './rule';
import { commandRange, mountsCache, stageRuns } from './run-facts';
import { layerStages } from './stage-state';

/** `rm -rf /var/lib/apt/lists/*` and its spellings: the lists folder or everything in it. */
const LISTS = /^\/var\/lib\/apt\/lists(\/(\*|\.\*)?)?\/?$/;

export default defineRule({
  id: 'apt-lists-not-cleaned',
  summary: 'A RUN that runs apt-get update leaves /var/lib/apt/lists in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3009'],
  check({ model, shipping, imageFacts, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const { run, script } of stageRuns(model, stage, imageFacts)) {
        if (!script.parsed || mountsCache(run, '/var/lib/apt')) continue;
        const update = packageActions(script).find((action) => action.kind === 'update-lists' && action.manager === 'apt');
        if (!update) continue;
        const cleaned = script.commands.some(
          (command) => removedPaths(command).some((path) => LISTS.test(path)) || ((command.program === 'apt-get' || command.program === 'apt') && command.args.some((a) => a.value === 'distclean' || a.value === 'dist-clean')),
        );
        if (cleaned) continue;
        const lastLine = run.range.end.line;
        const endText = lineText(model, lastLine);
        report({
          range: commandRange(model, script, update.command),
          message: "apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.",
          // Not for heredoc or exec forms, and not after a trailing comment, which would swallow it.
          fixes:
            run.heredocs.length === 0 && !run.jsonForm && !/\s#/.test(endText)
              ? [{
                  title: 'Remove the apt lists in the same RUN',
                  edits: [insertAt({ line: lastLine, character: endText.replace(/\s+$/, '').length }, ` ${model.escapeChar}${lineBreak(model)}    && rm -rf /var/lib/apt/lists/*`)],
                  preferred: true,
                }]
              : [],
        });
      }
    }
  },
});
