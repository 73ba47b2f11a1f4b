import { insertAfterMatches } from './edits';
import { defineRule } from './rule';
import { layerStages } from './stage-state';
import { mountsCache, runText, simpleCommands } from './shell-commands';

const APK_ADD = /^(sudo\s+)?apk\s+(.*\s)?add(\s|$)/;

export default defineRule({
  id: 'apk-no-cache',
  summary: 'apk add without --no-cache leaves the package index in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3019'],
  check({ model, shipping, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN' || mountsCache(run, '/var/cache/apk') || mountsCache(run, '/etc/apk/cache')) continue;
        const text = runText(model, run);
        const missing = simpleCommands(text).some((command) => APK_ADD.test(command) && !/--no-cache/.test(command));
        if (missing && !/rm\s+(-\w+\s+)*\/var\/cache\/apk/.test(text)) {
          const edits = insertAfterMatches(model, run, /\bapk\s+add\b/, ' --no-cache', /--no-cache/);
          report({
            range: run.keywordRange,
            message: "apk add keeps its package index in this layer; use 'apk add --no-cache'.",
            fixes: edits.length > 0 ? [{ title: 'Add --no-cache to apk add', edits, preferred: true }] : [],
          });
        }
      }
    }
  },
});
