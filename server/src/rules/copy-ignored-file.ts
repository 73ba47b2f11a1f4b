import { contextSources, ignoreMatcher } from './context-files';
import { forEachInstruction } from './instruction-list';
import { defineRule } from './rule';
import { expandIfKnown } from '../model/variable-scope';

/** True when a `.dockerignore` has an exception line (`!README.md`). */
function hasExceptions(dockerignore: string): boolean {
  return dockerignore.split(/\r?\n/).some((line) => line.trim().startsWith('!'));
}

export default defineRule({
  id: 'copy-ignored-file',
  summary: 'COPY or ADD names a file that .dockerignore excludes, so it is not in the build context.',
  severity: 'warning',
  buildkit: 'CopyIgnoredFile',
  check({ model, buildContext, platform, report }) {
    // As BuildKit (Dockerfile 1.22 and later): with `!` exceptions a folder may be excluded and a
    // file inside it kept, which no static reading of the sources can judge.
    if (!buildContext || buildContext.dockerignore === null || hasExceptions(buildContext.dockerignore)) return;
    const ignored = ignoreMatcher(buildContext);
    forEachInstruction(model, (instruction) => {
      for (const source of contextSources(instruction)) {
        // A source built from variables is judged with the values the build gives them, when known.
        const path = source.value.includes('$') ? expandIfKnown(model, instruction.range.start.line, source.value, platform) : source.value;
        if (path === null || path === '' || /^\.\/?$/.test(path) || !ignored(path)) continue;
        report({
          range: source.range,
          message: `'${path}' is excluded by .dockerignore, so ${instruction.keyword} will not find it.`,
        });
      }
    });
  },
});
