import { packageActions, removedPaths } from '../shell/packages';
import { defineRule } from './rule';
import { commandRange, insertAfterWord, mountsCache, stageRuns, verbWord } from './run-facts';
import { layerStages } from './stage-state';

const APK_CACHE = /^\/var\/cache\/apk(\/(\*)?)?\/?$/;

export default defineRule({
  id: 'apk-no-cache',
  summary: 'apk add without --no-cache leaves the package index in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3019'],
  check({ model, shipping, imageFacts, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const { run, script } of stageRuns(model, stage, imageFacts)) {
        if (!script.parsed || mountsCache(run, '/var/cache/apk') || mountsCache(run, '/etc/apk/cache')) continue;
        const actions = packageActions(script);
        const cleaned = actions.some((a) => a.kind === 'clean' && a.manager === 'apk') || script.commands.some((c) => removedPaths(c).some((p) => APK_CACHE.test(p)));
        if (cleaned) continue;
        // One finding per RUN, on its first such apk add; the fix adds the flag to each of them.
        const missing = actions.filter((a) => a.kind === 'install' && a.manager === 'apk' && !a.options.has('--no-cache'));
        const first = missing[0];
        if (!first) continue;
        const edits = missing.flatMap((action) => {
          const verb = verbWord(action.command, 'add');
          return verb ? [insertAfterWord(model, script, verb, ' --no-cache')] : [];
        });
        report({
          range: commandRange(model, script, first.command),
          message: "apk add keeps its package index in this layer; use 'apk add --no-cache'.",
          fixes: edits.length > 0 ? [{ title: 'Add --no-cache to apk add', edits, preferred: true }] : [],
        });
      }
    }
  },
});
