import { copiesWholeContext, contextSources, ignoreMatcher, isSecretFile } from './context-files';
import { forEachInstruction } from './instruction-list';
import { defineRule } from './rule';

export default defineRule({
  id: 'context-secret-copied',
  summary: 'A credentials file (.env, keys, .npmrc, .aws…) is copied into the build, by name or by COPY . without a .dockerignore that excludes it.',
  severity: 'error',
  check({ model, buildContext, report }) {
    const ignored = buildContext ? ignoreMatcher(buildContext) : () => false;
    const exposed = buildContext ? buildContext.entries.filter((entry) => isSecretFile(entry) && !ignored(entry)) : [];
    forEachInstruction(model, (instruction) => {
      for (const source of contextSources(instruction)) {
        if (!isSecretFile(source.value)) continue;
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
