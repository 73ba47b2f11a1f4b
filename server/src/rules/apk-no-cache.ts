import { packageActions, removesFolder } from '../shell/packages';
import { defineRule } from './rule';
import { appendableRun, appendToRun, commandRange, insertAfterWord, mountedOver, stageRuns, verbWord } from './run-facts';
import { layerStages } from './stage-state';

export default defineRule({
  id: 'apk-no-cache',
  summary: 'apk add without --no-cache, or apk update, leaves the package index in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3019'],
  check({ model, shipping, imageFacts, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const { run, script } of stageRuns(model, stage, imageFacts)) {
        if (!script.parsed || mountedOver(run, '/var/cache/apk') || mountedOver(run, '/etc/apk/cache')) continue;
        const actions = packageActions(script);
        const cleaned = actions.some((a) => a.kind === 'clean' && a.manager === 'apk') || script.commands.some((c) => removesFolder(c, '/var/cache/apk'));
        if (cleaned) continue;
        // `apk update` writes the index whatever the adds after it say.
        const update = actions.find((a) => a.kind === 'update-lists' && a.manager === 'apk');
        if (update) {
          report({
            range: commandRange(model, script, update.command),
            message: "apk update keeps the package index in this layer; end the same RUN with 'rm -rf /var/cache/apk/*', or drop it and use 'apk add --no-cache', which fetches the index and keeps none.",
            fixes: appendableRun(model, run) ? [{ title: 'Remove the apk index in the same RUN', edits: [appendToRun(model, run, 'rm -rf /var/cache/apk/*')], preferred: true }] : [],
          });
          continue;
        }
        // One finding per RUN, on its first such apk add; the fix adds the flag to each of them.
        // `--no-network` installs from what is already on disk and fetches no index.
        const missing = actions.filter((a) => a.kind === 'install' && a.manager === 'apk' && !a.options.has('--no-cache') && !a.options.has('--no-network'));
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
