import type { DocumentLink } from 'vscode-languageserver-types';
import type { DockerfileModel, ImageReference } from '../model/types';

/**
 * Where a registry shows an image to people: Docker Hub, GitHub, Quay, Microsoft, Google and
 * Amazon's public gallery. Other registries have no page known to us, so get no link.
 */
export function imagePage(image: ImageReference): string | null {
  if (image.hasVariables || image.repository.value === '') return null;
  const repository = image.repository.value;
  const registry = image.registry?.value.toLowerCase() ?? 'docker.io';
  switch (registry) {
    case 'docker.io':
    case 'index.docker.io':
    case 'registry-1.docker.io':
      return repository.startsWith('library/') || !repository.includes('/')
        ? `https://hub.docker.com/_/${repository.replace(/^library\//, '')}`
        : `https://hub.docker.com/r/${repository}`;
    case 'ghcr.io':
      return `https://ghcr.io/${repository}`;
    case 'quay.io':
      return `https://quay.io/repository/${repository}`;
    case 'mcr.microsoft.com':
      return `https://mcr.microsoft.com/artifact/mar/${repository}`;
    case 'gcr.io':
    case 'us.gcr.io':
    case 'eu.gcr.io':
    case 'asia.gcr.io':
      return `https://${registry}/${repository}`;
    case 'public.ecr.aws':
      return `https://gallery.ecr.aws/${repository}`;
    default:
      return null;
  }
}

/** Links from each base image (and `COPY --from=<image>`) to its page on its registry. */
export function documentLinks(model: DockerfileModel): DocumentLink[] {
  const links: DocumentLink[] = [];
  const add = (image: ImageReference | null) => {
    const target = image ? imagePage(image) : null;
    if (!image || !target) return;
    const start = image.registry?.range.start ?? image.repository.range.start;
    links.push({ range: { start, end: image.repository.range.end }, target, tooltip: `Open ${image.repository.value} on its registry` });
  };
  for (const stage of model.stages) {
    // `FROM <earlier stage>` names a stage, not an image.
    if (stage.baseImage && !model.stageIndexByName.has(stage.baseImage.text.toLowerCase())) add(stage.baseImage);
  }
  for (const reference of model.references) if (reference.resolution.kind === 'image') add(reference.resolution.image);
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
