import { globalScope } from '../model/variable-scope';
import { processWord, WordError } from '../words/lexer';
import { isValidReference } from '../images/reference-grammar';
import { defineRule } from './rule';

export default defineRule({
  id: 'invalid-default-arg-in-from',
  summary: 'With the default values of its ARGs, a FROM image name is empty or invalid.',
  severity: 'warning',
  buildkit: 'InvalidDefaultArgInFrom',
  // As BuildKit's validateBaseImagesWithDefaultArgs: the global ARGs with their defaults only (no
  // --build-arg), each FROM expanded with them; a word BuildKit cannot expand stops the check.
  check({ model, report }) {
    const scope = globalScope(model);
    if ([...scope.values()].some((d) => d.kind === 'global ARG' && d.written !== null && d.value === null)) return;
    const env = (name: string): string | undefined => scope.get(name)?.value ?? undefined;
    for (const stage of model.stages) {
      const image = stage.baseImage;
      if (!image || !image.hasVariables) continue;
      let resolved: string;
      try {
        resolved = processWord(image.text, env, { escape: model.escapeChar }).value;
      } catch (error) {
        if (error instanceof WordError) return;
        throw error;
      }
      if (isValidReference(resolved)) continue;
      report({
        range: image.range,
        message: `With the ARG defaults, '${image.text}' becomes '${resolved}', which is not a valid image; give the ARG a default that makes a full image name.`,
      });
    }
  },
});
