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
        for (const action of actions) {
          if (action.kind !== 'install' || action.manager !== 'apk' || action.options.has('--no-cache')) continue;
          const verb = verbWord(action.command, 'add');
          report({
            range: commandRange(model, script, action.command),
            message: "apk add keeps its package index in this layer; use 'apk add --no-cache'.",
            fixes: verb ? [{ title: 'Add --no-cache to apk add', edits: [insertAfterWord(model, script, verb, ' --no-cache')], preferred: true }] : [],
          });
        }
      }
    }
  },
});
