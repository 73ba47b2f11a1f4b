import { copiesWholeContext } from './context-files';
import { forEachInstruction } from './instruction-list';
import { dockerignoreTemplate } from './dockerignore-template';
import { defineRule } from './rule';

export default defineRule({
  id: 'dockerignore-missing',
  summary: 'The build copies the whole context and no .dockerignore limits what that sends.',
  severity: 'warning',
  check({ model, buildContext, report }) {
    if (!buildContext || buildContext.dockerignore !== null) return;
    let reported = false;
    forEachInstruction(model, (instruction) => {
      if (reported || !copiesWholeContext(instruction)) return;
      reported = true;
      report({
        range: instruction.range,
        message: 'This copies the whole build context and there is no .dockerignore: .git, node_modules, build output and local secrets all go into the build. Add a .dockerignore.',
        fixes: [{ title: 'Create a .dockerignore for this project', edits: [], createFiles: [{ path: '.dockerignore', content: dockerignoreTemplate(model) }], preferred: true }],
      });
    });
  },
});
