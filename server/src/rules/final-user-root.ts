import { instructionBody } from '../model/instruction-text';
import { shippedStages } from '../model/stage-graph';
import type { ImageReference, Instruction } from '../model/types';
import { addUserFix } from './add-user-fix';
import { defineRule } from './rule';
import { isRootUser } from './stage-state';

/** Images that already run as a non-root user unless told otherwise. */
function runsAsNonRootByDefault(image: ImageReference | null): boolean {
  if (!image) return false;
  const text = image.text.toLowerCase();
  return /(^|[-:])nonroot($|[-@])/.test(text) || text.startsWith('cgr.dev/chainguard/') || /(^|\/)bitnami\//.test(text);
}

export default defineRule({
  id: 'final-user-root',
  summary: 'The stage that ships runs as root (no USER, or the last USER is root).',
  severity: 'warning',
  hadolint: ['DL3002'],
  check({ model, target, report }) {
    if (!target) return;
    // The user is inherited along the FROM chain: the last USER anywhere in it wins.
    let lastUser: Instruction | null = null;
    const chain = shippedStages(model, target);
    for (const stage of chain) {
      for (const instruction of stage.instructions) if (instruction.keyword === 'USER') lastUser = instruction;
    }
    if (lastUser) {
      const user = instructionBody(model, lastUser);
      if (isRootUser(user)) {
        report({ range: lastUser.range, message: `The image runs as '${user}': switch to a non-root USER after the steps that need root.` });
      }
      return;
    }
    const root = chain[0];
    if (!root || runsAsNonRootByDefault(root.baseImage)) return;
    report({
      range: target.from.range,
      message: `The final stage '${target.name ?? `#${target.index}`}' runs as root: it sets no USER. Add a non-root USER before CMD/ENTRYPOINT.`,
      fixes: [addUserFix(model, target, root.baseImage?.text ?? null)].filter((fix) => fix !== null),
    });
  },
});
