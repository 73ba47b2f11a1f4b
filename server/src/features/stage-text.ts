import type { Shipping } from '../model/shipping';
import { lineText, referencesTo } from '../model/queries';
import { stageLabel } from '../model/stage-names';
import type { DockerfileModel, ImageReference, Stage, StageReference } from '../model/types';

/** The `FROM` line of a stage as written (its first line only). */
export function fromLineText(model: DockerfileModel, stage: Stage): string {
  return lineText(model, stage.from.range.start.line).trim();
}

export function baseImageLabel(stage: Stage): string {
  return stage.baseImage?.text ?? '(no base image)';
}

/** How a reference uses a stage, as people write it. */
export const REFERENCE_VERBS = {
  'copy-from': 'COPY --from',
  from: 'FROM',
  'mount-from': 'RUN --mount from',
} as const satisfies Record<StageReference['kind'], string>;

/** "`runtime` (line 12, COPY --from)" for each stage that uses `stage`. */
export function usersOf(model: DockerfileModel, stage: Stage): string[] {
  return referencesTo(model, stage).map((reference) => {
    const user = model.stages[reference.fromStage];
    const who = user ? `\`${stageLabel(user)}\`` : 'a stage';
    return `${who} (line ${reference.range.start.line + 1}, ${REFERENCE_VERBS[reference.kind]})`;
  });
}

/** Describes an image reference the way Docker will read it, Docker Hub defaults included. */
export function describeImage(image: ImageReference): string[] {
  const lines: string[] = [];
  if (image.hasVariables) lines.push('Uses build arguments: the image is known only at build time.');
  const registry = image.registry?.value ?? 'docker.io (Docker Hub)';
  const repository =
    !image.registry && !image.repository.value.includes('/') ? `library/${image.repository.value}` : image.repository.value;
  lines.push(`Registry: \`${registry}\``, `Repository: \`${repository}\``);
  if (image.tag) lines.push(`Tag: \`${image.tag.value}\``);
  if (image.digest) lines.push(`Digest: \`${image.digest.value}\``);
  if (!image.tag && !image.digest) lines.push('No tag: Docker uses `latest`, which changes under you.');
  else if (image.tag?.value === 'latest' && !image.digest) lines.push('Tag `latest` changes under you; pin a version.');
  return lines;
}

/** What a stage is for, for people: "Ships: compose.yaml:5, service web ships it." or "Role: builder (later stages copy from it)." */
export function roleText(shipping: Shipping, stage: Stage): string {
  const shipped = shipping.shipped.find((s) => s.stage.index === stage.index);
  if (shipped) return `**Ships** as a runtime image: ${shipped.because}.`;
  const role = shipping.roles[stage.index];
  if (!role) return '';
  const image = shipping.images.find((s) => s.stage.index === stage.index);
  const layers = image
    ? ` Its image ships (${image.because}), but it is no deployed process: the rules about servers leave it alone.`
    : shipping.layerStages.has(stage.index)
      ? ' Its layers ship in a later stage built FROM it.'
      : shipping.devLayers.has(stage.index)
        ? ' Only development images are built on it.'
        : '';
  return `**Role:** ${role.role} (${role.because}).${layers}`;
}
