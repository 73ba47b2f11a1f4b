import { substitute, variableUses } from '../model/variables';
import { defineRule } from './rule';

/** Docker's shape of a reference: a name of lowercase path components, then an optional tag and digest. */
const VALID_REFERENCE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[a-z0-9]+:[a-f0-9]{32,})?$/i;

export default defineRule({
  id: 'invalid-default-arg-in-from',
  summary: 'With the default values of its ARGs, a FROM image name is empty or invalid.',
  severity: 'warning',
  buildkit: 'InvalidDefaultArgInFrom',
  check({ model, report }) {
    const defaults = new Map(model.globalArgs.map((arg) => [arg.name, arg.defaultValue]));
    for (const stage of model.stages) {
      const image = stage.baseImage;
      if (!image || !image.hasVariables) continue;
      const uses = variableUses(image.text, model.escapeChar);
      // Only arguments declared at the top have defaults to check; UndefinedArgInFrom covers the rest.
      if (uses.length === 0 || uses.some((use) => !defaults.has(use.name))) continue;
      const resolved = substitute(image.text, defaults);
      if (resolved === 'scratch' || VALID_REFERENCE.test(resolved)) continue;
      report({
        range: image.range,
        message: `With the ARG defaults, '${image.text}' becomes '${resolved}', which is not a valid image; give the ARG a default that makes a full image name.`,
      });
    }
  },
});
