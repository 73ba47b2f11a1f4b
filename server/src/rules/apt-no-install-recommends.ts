import { insertAfterMatches } from './edits';
import { defineRule } from './rule';
import { layerStages } from './stage-state';
import { runText, simpleCommands } from './shell-commands';

const APT_INSTALL = /^(sudo\s+)?(apt-get|apt)\s+(.*\s)?install(\s|$)/;

export default defineRule({
  id: 'apt-no-install-recommends',
  summary: 'apt-get install without --no-install-recommends in a stage that ships pulls in extra packages.',
  severity: 'info',
  hadolint: ['DL3015'],
  check({ model, shipping, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        const missing = simpleCommands(runText(model, run)).some(
          (command) => APT_INSTALL.test(command) && !/--no-install-recommends|-o\s+APT::Install-Recommends=(false|0)/.test(command),
        );
        if (missing) {
          const edits = insertAfterMatches(model, run, /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b/, ' --no-install-recommends', /--no-install-recommends|APT::Install-Recommends/);
          report({
            range: run.keywordRange,
            message: 'apt-get install without --no-install-recommends installs recommended packages this image does not need.',
            fixes: edits.length > 0 ? [{ title: 'Add --no-install-recommends', edits, preferred: true }] : [],
          });
        }
      }
    }
  },
});
