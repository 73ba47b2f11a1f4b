import type { Instruction } from '../model/types';
import { copiesWholeContext } from './context-files';
import { cacheOrderFix } from './cache-order-fix';
import { defineRule } from './rule';
import { runText, simpleCommands } from './shell-commands';

/** Dependency installs, per ecosystem, that only need the manifest files. */
const INSTALLS: readonly RegExp[] = [
  /^(npm\s+(ci|install|i)|yarn(\s+install)?|pnpm\s+(install|i))(\s|$)/,
  /^(pip3?|python3?\s+-m\s+pip)\s+install\s+.*(-r\s|requirements)/,
  /^(poetry|pipenv|uv)\s+(install|sync)(\s|$)/,
  /^go\s+mod\s+(download|tidy)(\s|$)/,
  /^(mvn|\.\/mvnw)\s+.*(dependency:|go-offline|install|package)/,
  /^(gradle|\.\/gradlew)\s/,
  /^cargo\s+(fetch|build)(\s|$)/,
  /^bundle(\s+install)?(\s|$)/,
  /^composer\s+install(\s|$)/,
  /^dotnet\s+restore(\s|$)/,
];

export default defineRule({
  id: 'copy-before-install',
  summary: 'The whole build context is copied before the dependency install, so any source change re-runs the install.',
  severity: 'warning',
  checkStage({ model, stage, report }) {
    let wholeCopy: Instruction | null = null;
    for (const instruction of stage.instructions) {
      if (!wholeCopy && copiesWholeContext(instruction)) wholeCopy = instruction;
      if (!wholeCopy || instruction.keyword !== 'RUN') continue;
      const install = simpleCommands(runText(model, instruction)).find((command) => INSTALLS.some((pattern) => pattern.test(command)));
      if (!install) continue;
      report({
        range: wholeCopy.range,
        message: `The whole context is copied before '${install.split(/\s+/).slice(0, 2).join(' ')}' (line ${instruction.range.start.line + 1}), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.`,
        fixes: [cacheOrderFix(model, wholeCopy, instruction)].filter((fix) => fix !== null),
      });
      break;
    }
  },
});
