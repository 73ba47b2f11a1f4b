import { shippedStages } from '../model/stage-graph';
import { insertAfterMatches } from './edits';
import { defineRule } from './rule';
import { runText, simpleCommands } from './shell-commands';

const INSTALL = /^(?:sudo\s+)?(?:apt-get|apt|apk|yum|dnf|microdnf|zypper)\s+(?:.*\s)?(?:install|add)\s+(.*)$/;
const TOOL = /^(gcc|g\+\+|clang|make|cmake|build-essential|build-base|git|maven|gradle|golang|golang-go|go|rustc|cargo|autoconf|automake|libtool|pkg-config|musl-dev|[\w.+-]+-dev|[\w.+-]+-devel)(=.*)?$/;
const NPM_ALL_DEPS = /^(?:npm\s+(?:ci|install|i)|yarn(?:\s+install)?|pnpm\s+(?:install|i))(\s|$)/;
const DROPS_DEV = /--omit[= ]dev|--production|--only[= ]prod|--prod\b|NODE_ENV=production/;

export default defineRule({
  id: 'build-tools-in-runtime',
  summary: 'The stage that ships installs compilers or build tools, or all npm dependencies.',
  severity: 'warning',
  check({ model, shipping, report }) {
    const shipped = new Set(shipping.shipped.flatMap(({ stage }) => shippedStages(model, stage)));
    for (const stage of [...shipped].sort((a, b) => a.index - b.index)) {
      const productionEnv = stage.instructions.some((i) => i.keyword === 'ENV' && i.args.some((a) => a.value === 'NODE_ENV=production'));
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        const tools = new Set<string>();
        let npmAll = false;
        for (const command of simpleCommands(runText(model, run))) {
          const install = INSTALL.exec(command);
          if (install) {
            for (const word of (install[1] as string).split(/\s+/)) {
              if (!word.startsWith('-') && TOOL.test(word)) tools.add(word.replace(/=.*$/, ''));
            }
          }
          if (NPM_ALL_DEPS.test(command) && !DROPS_DEV.test(command) && !productionEnv) npmAll = true;
        }
        if (tools.size > 0) {
          report({
            range: run.keywordRange,
            message: `The image that ships installs build tools (${[...tools].join(', ')}); build in an earlier stage and COPY --from only the result.`,
          });
        } else if (npmAll) {
          const edits = insertAfterMatches(model, run, /\bnpm\s+(?:ci|install|i)\b/, ' --omit=dev', /--omit|--production|--only/);
          report({
            range: run.keywordRange,
            message: 'The image that ships installs dev dependencies too; use npm ci --omit=dev here, or copy node_modules from a stage that pruned them.',
            fixes: edits.length > 0 ? [{ title: 'Install without dev dependencies (--omit=dev)', edits, preferred: true }] : [],
          });
        }
      }
    }
  },
});
