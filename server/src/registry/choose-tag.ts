/** A release tag: a version, optionally with a variant suffix (`1.36.1`, `v2.3`, `20.18.0-alpine3.20`). */
const RELEASE = /^v?(\d+(?:\.\d+)*)(?:-([a-z][\w.-]*))?$/i;
const PRE_RELEASE = /(^|[.-])(rc|alpha|beta|pre|dev|nightly|snapshot|edge|test)\d*([.-]|$)/i;

export interface ReleaseTag {
  readonly tag: string;
  readonly version: readonly number[];
  readonly variant: string | null;
}

export function parseReleaseTag(tag: string): ReleaseTag | null {
  const match = RELEASE.exec(tag);
  if (!match || PRE_RELEASE.test(tag)) return null;
  return { tag, version: (match[1] as string).split('.').map(Number), variant: match[2]?.toLowerCase() ?? null };
}

/** Newer first; with equal versions, the more specific (more parts) first. */
export function compareReleases(a: ReleaseTag, b: ReleaseTag): number {
  for (let i = 0; i < Math.max(a.version.length, b.version.length); i++) {
    const difference = (b.version[i] ?? -1) - (a.version[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return b.version.length - a.version.length;
}

/**
 * The variant to keep: a non-version tag names one (`alpine`, `slim`, `bookworm`), a versioned
 * tag keeps its suffix (`20-alpine` -> `alpine`); `latest` and no tag keep none.
 */
export function variantOf(tag: string | null): string | null {
  if (!tag || tag === 'latest') return null;
  const release = parseReleaseTag(tag);
  if (release) return release.variant;
  return /^[a-z][\w.-]*$/i.test(tag) ? tag.toLowerCase() : null;
}

/** The release tags of a variant, newest and most specific first. */
export function releasesOfVariant(tags: readonly string[], variant: string | null): ReleaseTag[] {
  return tags
    .map(parseReleaseTag)
    .filter((release): release is ReleaseTag => release !== null && release.variant === variant)
    .sort(compareReleases);
}
