import { compareReleases, releasesOfVariant, variantOf } from './choose-tag';
import type { RegistryClient } from './client';
import type { RegistryImage } from './image-name';

export interface PinChoice {
  /** The release tag to pin to, or null when the registry has none. */
  readonly tag: string | null;
  /** The digest of what the image means today (the pinned tag, or the floating tag). */
  readonly digest: string;
  /** True when `tag` points at the same digest as the floating tag in use. */
  readonly sameAsCurrent: boolean;
}

/** How many release tags are asked for their digest at most. */
const DIGEST_LOOKUPS = 25;

/**
 * Chooses what to pin an unpinned image to: the most specific release tag (keeping a variant
 * such as `-alpine`) that points at the same digest as the tag in use today, else the newest
 * release tag of that variant.
 */
export async function choosePin(client: RegistryClient, image: RegistryImage): Promise<PinChoice> {
  const floating = image.tag ?? 'latest';
  const [tags, current] = await Promise.all([client.listTags(image), client.digestOf(image, floating)]);
  const releases = releasesOfVariant(tags, variantOf(image.tag));
  const matches: typeof releases = [];
  for (const release of releases.slice(0, DIGEST_LOOKUPS)) {
    if ((await client.digestOf(image, release.tag)) === current) matches.push(release);
  }
  const best = matches.sort((a, b) => b.version.length - a.version.length || compareReleases(a, b))[0];
  if (best) return { tag: best.tag, digest: current, sameAsCurrent: true };
  const newest = releases[0];
  if (!newest) return { tag: null, digest: current, sameAsCurrent: false };
  return { tag: newest.tag, digest: await client.digestOf(image, newest.tag), sameAsCurrent: false };
}
