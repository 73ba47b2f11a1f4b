import { subRange } from '../model/positions';
import { shippedStages } from '../model/stage-graph';
import type { Instruction, Stage } from '../model/types';
import { PREDEFINED_ARGS, variableUses } from '../model/variables';
import type { DockerfileModel } from '../model/types';
import { editDistance } from './edit-distance';
import { defineRule } from './rule';

/** Instructions whose variables BuildKit expands itself (RUN, CMD and ENTRYPOINT leave them to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
/** BuildKit gives every stage a PATH when its image sets none. */
const ALWAYS_SET = new Set(['PATH']);

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
  // So do the global ARGs and the image at the bottom of its chain.
  stageInputs: (model, stage) => [[...stageDefinitions(model, stage)].join(' '), model.globalArgs.map((a) => a.name).join(' '), shippedStages(model, stage)[0]?.baseImage?.text ?? ''].join('|'),
  checkStage({ model, stage, report }) {
    const defined = stageDefinitions(model, stage);
    const globals = new Set(model.globalArgs.map((arg) => arg.name));
    // Only a stage built on nothing has no variables of its base image; any other base may set some.
    const root = shippedStages(model, stage)[0]?.baseImage?.text.toLowerCase() ?? '';
    const emptyBase = root === 'scratch';
    for (const instruction of stage.instructions.slice(1)) {
      if (EXPANDED.has(instruction.keyword)) {
        for (const arg of instruction.args) {
          if (!arg.value.includes('$')) continue;
          const { start, end } = arg.range;
          if (start.line !== end.line) continue;
          for (const use of variableUses(arg.value, model.escapeChar)) {
            if (defined.has(use.name) || PREDEFINED_ARGS.has(use.name) || ALWAYS_SET.has(use.name)) continue;
            const range = subRange(arg.range, use.start, use.end);
            if (globals.has(use.name)) {
              report({ range, message: `'${use.name}' is declared before FROM but not in this stage, so it is empty here; add 'ARG ${use.name}' to the stage.` });
              continue;
            }
            const close = [...defined].find((name) => editDistance(name.toLowerCase(), use.name.toLowerCase(), 2) <= 2);
            if (close) report({ range, message: `'${use.name}' is not defined by an ARG or ENV before this line; did you mean '${close}'?` });
            else if (emptyBase) report({ range, message: `'${use.name}' is not defined by an ARG or ENV before this line.` });
          }
        }
      }
      for (const name of definedBy(instruction)) defined.add(name);
    }
  },
});
