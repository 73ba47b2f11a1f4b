import { stageMention } from '../model/queries';
import { isValidStageName, RESERVED_STAGE_NAMES } from '../model/stage-names';
import type { DockerfileModel, Stage } from '../model/types';
import { insertAt, replace } from './edits';
import type { Fix } from './rule';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-ref-numeric',
  summary: 'A stage is referenced by its index (--from=0), which breaks when stages are added or moved.',
  severity: 'warning',
  check({ model, report }) {
    for (const reference of model.references) {
      const resolution = reference.resolution;
      if (resolution.kind !== 'stage' || !resolution.byIndex) continue;
      const stage = model.stages[resolution.stage];
      if (!stage) continue;
      report({
        range: reference.range,
        message: stage.name
          ? `Stage ${reference.text} is referenced by index; use its name '${stage.name}', which survives reordering.`
          : `Stage ${reference.text} is referenced by index; name it ('FROM … AS <name>') and use the name, which survives reordering.`,
        fixes: [nameAndUse(model, stage)].filter((fix) => fix !== null),
      });
    }
  },
});

/**
 * Uses the stage's name everywhere it is referenced by index. A stage without a name gets one to
 * type over, as a rename would (a snippet: one placeholder, linked across the edits), starting from
 * what the stage is for: `build` for a stage others copy from, else `base`. Fix-all and `--fix`
 * write that name: it names no other stage or image of the file, so nothing else changes meaning.
 */
function nameAndUse(model: DockerfileModel, stage: Stage): Fix | null {
  const image = stage.from.args[0];
  const byIndex = model.references.filter(
    (r) => r.resolution.kind === 'stage' && r.resolution.byIndex && r.resolution.stage === stage.index,
  );
  // Stage names do not depend on case; the lower-case spelling is the one stage-name-casing asks for.
  if (stage.name) {
    const name = stage.name.toLowerCase();
    return { title: `Use the stage name '${name}'`, edits: byIndex.map((r) => replace(r.range, name)), preferred: true };
  }
  const name = image ? freeName(model, stage) : null;
  if (!name || !image) return null;
  const placeholder = `\${1:${name}}`;
  const edits = [insertAt(image.range.end, ` AS ${placeholder}`), ...byIndex.map((r) => replace(r.range, placeholder))];
  return { title: `Name ${stageMention(stage)} and use the name`, edits, preferred: true, snippet: true };
}

/** A name for what the stage is for, unique in the file. */
function freeName(model: DockerfileModel, stage: Stage): string | null {
  const copiedFrom = model.references.some((r) => r.kind !== 'from' && r.resolution.kind === 'stage' && r.resolution.stage === stage.index);
  const start = copiedFrom ? 'build' : 'base';
  // `FROM build` or `COPY --from=build` naming an image would start to mean the stage.
  const imageNames = new Set(model.references.map((r) => r.text.toLowerCase()));
  for (let suffix = 0; suffix < 100; suffix++) {
    const candidate = suffix === 0 ? start : `${start}-${suffix + 1}`;
    if (isValidStageName(candidate) && !model.stageIndexByName.has(candidate) && !RESERVED_STAGE_NAMES.has(candidate) && !imageNames.has(candidate)) return candidate;
  }
  return null;
}
