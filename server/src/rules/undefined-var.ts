import { subRange } from '../model/positions';
import { shippedStages } from '../model/stage-graph';
import type { Instruction, Stage } from '../model/types';
import { PREDEFINED_ARGS, variableUses } from '../model/variables';
import type { DockerfileModel } from '../model/types';
import { editDistance } from './edit-distance';
import { defineRule } from './rule';

/** Instructions whose variables BuildKit expands itself (RUN, CMD and ENTRYPOINT leave them to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
/** Variables that base images commonly set in their config; unknowable offline, so trusted. */
const IMAGE_ENV = /^(PATH|HOME|HOSTNAME|TERM|LANG|LANGUAGE|LC_ALL|SHELL|USER|PWD|GOPATH|GOROOT|GOTOOLCHAIN|CARGO_HOME|RUSTUP_HOME|JAVA_HOME|JAVA_VERSION|MAVEN_HOME|GRADLE_HOME|NODE_VERSION|YARN_VERSION|PYTHON_VERSION|PYTHON_PIP_VERSION|PIP_NO_CACHE_DIR|GPG_KEY|GEM_HOME|BUNDLE_APP_CONFIG|RUBY_VERSION|PHP_VERSION|PHP_INI_DIR|DOTNET_VERSION|ASPNET_VERSION|ASPNETCORE_HTTP_PORTS|NGINX_VERSION|NJS_VERSION|APP_UID|[A-Z]+_VERSION)$/;

/** Names an instruction defines for what follows it. */
function definedBy(instruction: Instruction): string[] {
  if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') return [];
  return instruction.args.map((arg) => arg.value.split('=')[0] as string).filter(Boolean);
}

function stageDefinitions(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  // Variables are inherited from the stages this one is built FROM.
  for (const base of shippedStages(model, stage)) {
    if (base === stage) break;
    for (const instruction of base.instructions) for (const name of definedBy(instruction)) names.add(name);
  }
  return names;
}

export default defineRule({
  id: 'undefined-var',
  summary: 'An instruction uses a variable that no ARG or ENV defined before it (with a suggestion when one is close).',
  severity: 'warning',
  buildkit: 'UndefinedVar',
  // A stage inherits the variables of the stage it is built FROM: they are part of its inputs.
  stageInputs: (model, stage) => [...stageDefinitions(model, stage)].join(' '),
  checkStage({ model, stage, report }) {
    const defined = stageDefinitions(model, stage);
    for (const instruction of stage.instructions.slice(1)) {
      if (EXPANDED.has(instruction.keyword)) {
        for (const arg of instruction.args) {
          if (!arg.value.includes('$')) continue;
          const { start, end } = arg.range;
          if (start.line !== end.line) continue;
          for (const use of variableUses(arg.value, model.escapeChar)) {
            if (defined.has(use.name) || PREDEFINED_ARGS.has(use.name) || IMAGE_ENV.test(use.name)) continue;
            const close = [...defined].find((name) => editDistance(name.toLowerCase(), use.name.toLowerCase(), 2) <= 2);
            report({
              range: subRange(arg.range, use.start, use.end),
              message: `'${use.name}' is not defined by an ARG or ENV before this line${close ? `; did you mean '${close}'?` : '.'}`,
            });
          }
        }
      }
      for (const name of definedBy(instruction)) defined.add(name);
    }
  },
});
