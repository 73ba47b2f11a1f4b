import { packageActions } from '../shell/packages';
import { defineRule } from './rule';
import { commandRange, insertAfterWord, stageRuns, verbWord } from './run-facts';
import { layerStages } from './stage-state';
import { shippedStages } from '../model/stage-graph';

/** `-o APT::Install-Recommends=false` (or `=0`) on the command line. */
const NO_RECOMMENDS_OPTION = /^-o=APT::Install-Recommends=(false|0)$/i;
/** A RUN that writes `APT::Install-Recommends "0";` into apt's configuration for later installs. */
const CONFIGURES_NO_RECOMMENDS = /APT::Install-Recommends\s+"?(false|0)"?/i;

export default defineRule({
  id: 'apt-no-install-recommends',
  summary: 'apt-get install without --no-install-recommends in a stage that ships pulls in extra packages.',
  severity: 'info',
  hadolint: ['DL3015'],
  check({ model, shipping, imageFacts, report }) {
    for (const stage of layerStages(model, shipping)) {
      // Configured once for the image (an earlier RUN of the chain, or this one): every install follows it.
      const chain = shippedStages(model, stage);
      let configured = false;
      for (const s of chain) {
        for (const { script } of stageRuns(model, s, imageFacts)) {
          if (s === stage && !configured) {
            // Written earlier in this same RUN counts too.
            const configuredAt = script.text.search(CONFIGURES_NO_RECOMMENDS);
            const missing = packageActions(script).filter(
              (action) => action.kind === 'install' && action.manager === 'apt' && !action.options.has('--no-install-recommends') &&
                ![...action.options].some((o) => NO_RECOMMENDS_OPTION.test(o)) &&
                !(configuredAt >= 0 && configuredAt < action.command.name.start),
            );
            // One finding per RUN, on its first such install; the fix adds the flag to each of them.
            const first = missing[0];
            if (first) {
              const edits = missing.flatMap((action) => {
                const verb = verbWord(action.command, 'install') ?? verbWord(action.command, 'reinstall');
                return verb ? [insertAfterWord(model, script, verb, ' --no-install-recommends')] : [];
              });
              report({
                range: commandRange(model, script, first.command),
                message: 'apt-get install without --no-install-recommends installs recommended packages this image does not need.',
                fixes: edits.length > 0 ? [{ title: 'Add --no-install-recommends', edits, preferred: true }] : [],
              });
            }
          }
          if (CONFIGURES_NO_RECOMMENDS.test(script.text)) configured = true;
        }
      }
    }
  },
});
