import { contextSources, ignoreMatcher } from './context-files';
import { forEachInstruction } from './instruction-list';
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-ignored-file',
  summary: 'COPY or ADD names a file that .dockerignore excludes, so it is not in the build context.',
  severity: 'warning',
  buildkit: 'CopyIgnoredFile',
  check({ model, buildContext, report }) {
    if (!buildContext || buildContext.dockerignore === null) return;
    const ignored = ignoreMatcher(buildContext);
    forEachInstruction(model, (instruction) => {
      for (const source of contextSources(instruction)) {
        if (source.value.includes('$') || /^\.\/?$/.test(source.value) || !ignored(source.value)) continue;
        report({
          range: source.range,
          message: `'${source.value}' is excluded by .dockerignore, so ${instruction.keyword} will not find it.`,
        });
      }
    });
  },
});
