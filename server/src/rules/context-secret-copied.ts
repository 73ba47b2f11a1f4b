import { copiesWholeContext, contextSources, holdsSecret, ignoreMatcher, isSecretFile } from './context-files';
import { forEachInstruction } from './instruction-list';
import { defineRule } from './rule';

export default defineRule({
  id: 'context-secret-copied',
  summary: 'A file holding credentials (a private key, a token in .npmrc, cloud keys, .env secrets) is copied into the build, by name or by COPY . without a .dockerignore that excludes it.',
  severity: 'warning',
  // Judged by what the files hold: silent when the build context is unknown or the file is not in it.
  check({ model, buildContext, report }) {
    if (!buildContext) return;
    const ignored = ignoreMatcher(buildContext);
    const exposed = buildContext.entries.filter((entry) => isSecretFile(entry) && !ignored(entry) && holdsSecret(entry, buildContext) === true);
    forEachInstruction(model, (instruction) => {
      for (const source of contextSources(instruction)) {
        if (!isSecretFile(source.value) || holdsSecret(source.value, buildContext) !== true) continue;
        report({
          range: source.range,
          message: `'${source.value}' holds credentials and would be baked into a layer; use RUN --mount=type=secret (or a build secret) instead.`,
        });
      }
      if (exposed.length === 0 || !copiesWholeContext(instruction)) return;
      const shown = exposed.slice(0, 4).join(', ') + (exposed.length > 4 ? `, and ${exposed.length - 4} more` : '');
      report({
        range: instruction.range,
        message: `This copies the whole context, including credentials (${shown}); exclude them in .dockerignore.`,
      });
    });
  },
});
