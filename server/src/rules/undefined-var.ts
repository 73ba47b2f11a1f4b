import { subRange } from '../model/positions';
import { declarations, namesFromBaseStages } from '../model/variable-scope';
import { PREDEFINED_ARGS, variableUses } from '../model/variables';
import { tryProcessWord } from '../words/lexer';
import { editDistance } from './edit-distance';
import { defineRule } from './rule';
import { completeImageEnv } from './stage-state';

/** Instructions whose variables BuildKit expands itself (RUN, CMD and ENTRYPOINT leave them to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
/** BuildKit gives every stage a PATH when its image sets none. */
const ALWAYS_SET = new Set(['PATH']);

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
      const defined = namesFromBaseStages(model, stage);
      const imageEnv = completeImageEnv(context, stage);
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
