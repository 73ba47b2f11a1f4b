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

/** Uses the stage's name everywhere it is referenced by index, naming the stage first when it has none. */
function nameAndUse(model: DockerfileModel, stage: Stage): Fix | null {
  const image = stage.from.args[0];
  const name = stage.name ?? freeName(model, stage);
  if (!name || (!stage.name && !image)) return null;
  const byIndex = model.references.filter(
    (r) => r.resolution.kind === 'stage' && r.resolution.byIndex && r.resolution.stage === stage.index,
  );
  const edits = byIndex.map((r) => replace(r.range, name));
  if (!stage.name && image) edits.unshift(insertAt(image.range.end, ` AS ${name}`));
  return { title: stage.name ? `Use the stage name '${name}'` : `Name stage #${stage.index} '${name}' and use the name`, edits, preferred: true };
}

/** A stage name made from the base image (`golang:1.23` -> `golang`), unique in the file. */
function freeName(model: DockerfileModel, stage: Stage): string | null {
  const repository = stage.baseImage?.repository.value ?? '';
  const base = (repository.split('/').pop() ?? '').toLowerCase().replace(/[^a-z0-9_.-]/g, '') || 'stage';
  const start = /^[a-z]/.test(base) ? base : `stage-${base}`;
  for (let suffix = 0; suffix < 100; suffix++) {
    const candidate = suffix === 0 ? start : `${start}-${suffix + 1}`;
    if (isValidStageName(candidate) && !model.stageIndexByName.has(candidate) && !RESERVED_STAGE_NAMES.has(candidate)) return candidate;
  }
  return null;
}
