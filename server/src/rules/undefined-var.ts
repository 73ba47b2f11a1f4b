import { subRange } from '../model/positions';
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Stage } from '../model/types';
import { declarations } from '../model/variable-scope';
import { PREDEFINED_ARGS, variableUses } from '../model/variables';
import { tryProcessWord } from '../words/lexer';
import { editDistance } from './edit-distance';
import { defineRule, type RuleContext } from './rule';
import { baseImageOf } from './stage-state';

/** Instructions whose variables BuildKit expands itself (RUN, CMD and ENTRYPOINT leave them to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
/** BuildKit gives every stage a PATH when its image sets none. */
const ALWAYS_SET = new Set(['PATH']);

/** The names the stages below this one in its FROM chain declare: the variables it starts with. */
function inherited(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const base of shippedStages(model, stage)) {
    if (base === stage) break;
    for (const instruction of base.instructions) for (const { name } of declarations(model, instruction)) names.add(name);
  }
  return names;
}

/**
 * The variables the image at the bottom of the chain sets, when that is known completely (scratch
 * sets none; an inspected image lists them all); null when the base may set names we cannot see.
 */
function baseImageEnv(context: RuleContext, stage: Stage): ReadonlySet<string> | null {
  const root = shippedStages(context.model, stage)[0];
  const image = root ? baseImageOf(context.model, root, context.platform) : null;
  if (image === null) return null;
  if (image.toLowerCase() === 'scratch') return new Set();
  const facts = context.imageFacts(image)?.facts;
  return facts?.env && facts.envComplete ? new Set(facts.env) : null;
}

export default defineRule({
  id: 'undefined-var',
  summary: 'An instruction uses a variable that no ARG or ENV defined before it (with a suggestion when one is close).',
  severity: 'warning',
  buildkit: 'UndefinedVar',
  check(context) {
    const { model, report } = context;
    const globals = new Set(model.globalArgs.map((arg) => arg.name));
    for (const stage of model.stages) {
      // Most stages expand no variable in these instructions: nothing to look up.
      if (!stage.instructions.some((i) => EXPANDED.has(i.keyword) && i.args.some((a) => a.value.includes('$')))) continue;
      const defined = inherited(model, stage);
      const imageEnv = baseImageEnv(context, stage);
      for (const instruction of stage.instructions.slice(1)) {
        if (EXPANDED.has(instruction.keyword)) {
          for (const arg of instruction.args) {
            if (!arg.value.includes('$')) continue;
            const { start, end } = arg.range;
            if (start.line !== end.line) continue;
            // The lexer says which names BuildKit would look up (none inside single quotes).
            const known = (name: string): string | undefined => (defined.has(name) || PREDEFINED_ARGS.has(name) || ALWAYS_SET.has(name) || imageEnv?.has(name) ? '' : undefined);
            const unmatched = tryProcessWord(arg.value, known, { escape: model.escapeChar })?.unmatched;
            if (!unmatched) continue;
            for (const use of variableUses(arg.value, model.escapeChar)) {
              if (!unmatched.has(use.name)) continue;
              const range = subRange(arg.range, use.start, use.end);
              if (globals.has(use.name)) {
                report({ range, message: `'${use.name}' is declared before FROM but not in this stage, so it is empty here; add 'ARG ${use.name}' to the stage.` });
                continue;
              }
              const close = [...defined].find((name) => editDistance(name.toLowerCase(), use.name.toLowerCase(), 2) <= 2);
              if (close) report({ range, message: `'${use.name}' is not defined by an ARG or ENV before this line; did you mean '${close}'?` });
              // Any other name: only an image whose variables are all known cannot set it.
              else if (imageEnv) report({ range, message: `'${use.name}' is not defined by an ARG or ENV before this line.` });
            }
          }
        }
        for (const { name } of declarations(model, instruction)) defined.add(name);
      }
    }
  },
});
