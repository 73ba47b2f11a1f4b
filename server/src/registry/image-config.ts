import { factsFromImageConfig } from '../images/image-config';
import type { ImageFacts } from '../images/image-facts';
import { formatPlatform, samePlatform, type Platform } from '../words/platform';
import { RegistryError, type RegistryClient } from './client';
import type { RegistryImage } from './image-name';

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

interface Descriptor {
  readonly digest: string;
  readonly platform: string | null;
}

/**
 * What an image's registry says of it: the platforms its index offers, and from the manifest of
 * the target platform (the first Linux one when it offers none such) its config and compressed size.
 */
export async function readImageFacts(client: RegistryClient, image: RegistryImage, target: Platform): Promise<ImageFacts> {
  const reference = image.digest ?? image.tag ?? 'latest';
  const top = await client.manifest(image, reference);
  let manifest = top.body;
  let platforms: string[] | undefined;
  if (INDEX_TYPES.has(top.mediaType) || Array.isArray(top.body.manifests)) {
    const entries = descriptors(top.body.manifests);
    platforms = [...new Set(entries.map((e) => e.platform).filter((p): p is string => p !== null))];
    const wanted = formatPlatform(target);
    const chosen =
      entries.find((e) => e.platform === wanted) ??
      entries.find((e) => e.platform !== null && samePlatform(e.platform, wanted)) ??
      entries.find((e) => e.platform?.startsWith('linux/')) ??
      entries.find((e) => e.platform !== null);
    if (!chosen) throw new RegistryError(`The index of ${image.name}:${reference} lists no platform.`);
    manifest = (await client.manifest(image, chosen.digest)).body;
  }
  const config = manifest.config as { digest?: unknown } | undefined;
  if (typeof config?.digest !== 'string') throw new RegistryError(`The manifest of ${image.name}:${reference} names no config.`);
  const blob = await client.jsonBlob(image, config.digest);
  const layers = Array.isArray(manifest.layers) ? (manifest.layers as { size?: unknown }[]) : [];
  const compressedSize = layers.reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
  // A single manifest offers one platform: the one its config names.
  const own = platformOfConfig(blob);
  return factsFromImageConfig(blob, { platforms: platforms ?? (own ? [own] : []), compressedSize });
}

/** The entries of an index, skipping attestation manifests (`unknown/unknown`). */
function descriptors(raw: unknown): Descriptor[] {
  if (!Array.isArray(raw)) return [];
  const found: Descriptor[] = [];
  for (const entry of raw as { digest?: unknown; platform?: { os?: unknown; architecture?: unknown; variant?: unknown } }[]) {
    if (typeof entry.digest !== 'string') continue;
    const { os, architecture, variant } = entry.platform ?? {};
    if (os === 'unknown' || architecture === 'unknown') continue;
    const platform = typeof os === 'string' && typeof architecture === 'string' ? [os, architecture, typeof variant === 'string' && variant ? variant : null].filter(Boolean).join('/') : null;
    found.push({ digest: entry.digest, platform });
  }
  return found;
}

function platformOfConfig(blob: Record<string, unknown>): string | null {
  const { os, architecture, variant } = blob;
  if (typeof os !== 'string' || typeof architecture !== 'string') return null;
  return typeof variant === 'string' && variant ? `${os}/${architecture}/${variant}` : `${os}/${architecture}`;
}
