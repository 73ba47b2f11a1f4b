import { lineBreak, lineText } from '../model/queries';
import { insertAt } from './edits';
import { defineRule } from './rule';
import { layerStages } from './stage-state';
import { mountsCache, runText, simpleCommands } from './shell-commands';

const APT_USE = /^(sudo\s+)?(apt-get|apt)\s+(.*\s)?(update|install)(\s|$)/;
const CLEANS = /rm\s+(-\w+\s+)*\/var\/lib\/apt\/lists/;

export default defineRule({
  id: 'apt-lists-not-cleaned',
  summary: 'A RUN that uses apt-get leaves /var/lib/apt/lists in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3009'],
  check({ model, shipping, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || mountsCache(run, '/var/lib/apt')) continue;
        const text = runText(model, run);
        if (!simpleCommands(text).some((command) => APT_USE.test(command)) || CLEANS.test(text)) continue;
        const lastLine = run.range.end.line;
        const endText = lineText(model, lastLine);
        report({
          range: run.keywordRange,
          message: "apt-get leaves its package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.",
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
