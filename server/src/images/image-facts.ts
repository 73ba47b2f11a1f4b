import table from './known-images.json';
import officialImages from './official-images.json';

export type ImageKind = 'os' | 'sdk' | 'runtime' | 'service' | 'minimal' | 'scratch' | 'dev';
export type Libc = 'glibc' | 'musl' | 'none';

/** What is known of a base image, each field only when known. */
export interface ImageFacts {
  readonly os?: 'linux' | 'windows';
  /** The default USER of the image (`root` when it sets none). */
  readonly user?: string;
  /** Its entrypoint or server leaves root by design (nginx workers, gosu entrypoints). */
  readonly dropsPrivileges?: boolean;
  readonly kind?: ImageKind;
  readonly libc?: Libc;
  /** A shell (`/bin/sh`, or cmd/PowerShell on Windows) is in the image. */
  readonly shell?: boolean;
  /** Its CMD starts a long-running server: an image built FROM it without a CMD still runs one. */
  readonly service?: boolean;
  /** Programs on it serve the network (the ASP.NET Core runtime listens on 8080), CMD or not. */
  readonly serves?: boolean;
  /**
   * A language runtime whose default command is its prompt (python, node, ruby, a JRE): an image
   * built on it that copies a program in runs that program, with the command its runner gives.
   */
  readonly interpreter?: boolean;
  /** For an SDK image: what to ship on instead (`<name>` is the image's own name). */
  readonly lighter?: string;
  /** Environment variables the image sets. */
  readonly env?: readonly string[];
  /** True when `env` is all of them (read from the image itself), not a selection. */
  readonly envComplete?: boolean;
  /** The values of `env`, when read from the image itself. */
  readonly envValues?: Readonly<Record<string, string>>;
  readonly workingDir?: string;
  readonly entrypoint?: readonly string[];
  readonly cmd?: readonly string[];
  /** `80/tcp`, as the image config spells them. */
  readonly exposedPorts?: readonly string[];
  /** The image has a HEALTHCHECK of its own, which images built FROM it inherit. */
  readonly healthcheck?: boolean;
  /** The platforms the tag offers (`linux/amd64`, `linux/arm64/v8`). */
  readonly platforms?: readonly string[];
  /** Bytes to pull: the compressed layers of one platform. */
  readonly compressedSize?: number;
}

/** Facts and where they come from ("built-in table (<documentation>)", "local image", …). */
export interface SourcedFacts {
  readonly facts: ImageFacts;
  /** Where the facts come from; `sources` says it per fact when they come from several places. */
  readonly source: string;
  readonly sources?: Readonly<Partial<Record<keyof ImageFacts, string>>>;
}

interface Entry {
  readonly image: string;
  readonly tag?: string;
  readonly facts: ImageFacts;
  readonly source: string;
}

/** An image name as registries see it: `docker.io/library/nginx`, plus its tag. */
export interface NormalizedImage {
  readonly name: string;
  readonly tag: string | null;
}

const normalized = new Map<string, NormalizedImage | null>();

/**
 * Normalizes `nginx:1.27`, `library/nginx`, `docker.io/nginx` to `docker.io/library/nginx`; a
 * name on another registry keeps it. Null for text with variables or no name.
 */
export function normalizeImage(text: string): NormalizedImage | null {
  let found = normalized.get(text);
  if (found === undefined) {
    found = normalizeImageText(text);
    if (normalized.size >= 5000) normalized.clear();
    normalized.set(text, found);
  }
  return found;
}

function normalizeImageText(text: string): NormalizedImage | null {
  if (!text || text.includes('$')) return null;
  const withoutDigest = text.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  let name = (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
  const tag = colon < 0 ? null : withoutDigest.slice(colon + 1);
  if (name === 'scratch') return { name, tag };
  const first = name.split('/')[0] ?? '';
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  else if (first === 'index.docker.io' || first === 'registry-1.docker.io') name = `docker.io/${name.slice(first.length + 1)}`;
  if (name.startsWith('docker.io/') && name.split('/').length === 2) name = `docker.io/library/${name.slice(10)}`;
  return { name, tag };
}

/**
 * The key facts are kept under: `docker.io/library/node:22`, `ghcr.io/o/app:latest@sha256:…`;
 * null for text with variables, `scratch` or no name.
 */
export function imageKey(text: string): string | null {
  const image = normalizeImage(text);
  if (!image || image.name === 'scratch') return null;
  const at = text.indexOf('@');
  return `${image.name}:${image.tag ?? 'latest'}${at >= 0 ? text.slice(at) : ''}`;
}

const compiled: readonly { readonly name: RegExp; readonly tag: RegExp | null; readonly entry: Entry }[] = (table.entries as Entry[]).map((entry) => ({
  name: globToRegExp(entry.image),
  tag: entry.tag ? new RegExp(entry.tag, 'i') : null,
  entry,
}));

/** `*` within a path segment, `**` across segments, `{a,b}` alternatives. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      source += `(?:${glob.slice(i + 1, end).split(',').map((alt) => alt.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      i = end;
    } else source += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Rules ask for the same few images many times per lint: answers are kept by text. */
const factsCache = new Map<string, SourcedFacts | null>();
const MAX_CACHED_FACTS = 5000;

/** What the built-in table knows of an image, or null. */
export function builtInFacts(text: string): SourcedFacts | null {
  const cached = factsCache.get(text);
  if (cached !== undefined) return cached;
  const found = lookUpTable(text);
  if (factsCache.size >= MAX_CACHED_FACTS) factsCache.clear();
  factsCache.set(text, found);
  return found;
}

function lookUpTable(text: string): SourcedFacts | null {
  const image = normalizeImage(text);
  if (!image) return null;
  for (const { name, tag, entry } of compiled) {
    if (!name.test(image.name)) continue;
    if (tag && !tag.test(image.tag ?? 'latest')) continue;
    if (image.tag === null && text.includes('@')) return { facts: withoutVariant(entry.facts), source: `built-in table (${entry.source}; a digest without a tag: variant unknown)` };
    return { facts: entry.facts, source: `built-in table (${entry.source})` };
  }
  return null;
}

/** `node@sha256:…` may be node:24 or node:24-slim: what differs between an image's variants is not known. */
function withoutVariant(facts: ImageFacts): ImageFacts {
  const { kind: _kind, lighter: _lighter, libc: _libc, compressedSize: _size, ...common } = facts;
  return common;
}

/** True for a user that is root: no user at all, `root`, uid 0, or Windows' ContainerAdministrator. */
export function isRootUserName(user: string | null | undefined): boolean {
  if (user === null || user === undefined) return true;
  const name = (user.split(':')[0] ?? '').trim().toLowerCase();
  return name === '' || name === 'root' || name === '0' || name === 'containeradministrator';
}

const OFFICIAL = new Set<string>([...officialImages.current, ...officialImages.deprecated]);

/**
 * False for a bare name (no registry, no namespace) that is no Docker Official Image: Docker Hub
 * has no such public image, so it is built locally (`docker build -t argocd-base`) or a typo.
 * True for everything else, including names with variables.
 */
export function mayBePublicImage(text: string): boolean {
  if (text.includes('$')) return true;
  const withoutDigest = text.split('@')[0] ?? '';
  // A colon after the last slash starts the tag; one before it is a registry's port.
  const colon = withoutDigest.indexOf(':', withoutDigest.lastIndexOf('/') + 1);
  const name = (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
  if (name.includes('/') || name === 'scratch') return true;
  return OFFICIAL.has(name);
}

/** True for the name of a Docker Official Image (`busybox`, `docker.io/library/node`), tag or not. */
export function isOfficialImage(text: string): boolean {
  const image = normalizeImage(text);
  return image !== null && (image.name === 'scratch' || (image.name.startsWith('docker.io/library/') && OFFICIAL.has(image.name.slice('docker.io/library/'.length))));
}

/** `48.2 MB`, as registries count (powers of 1000). */
export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

interface Account {
  readonly image: string;
  readonly tag?: string;
  /** The user to switch to (`node`, `$APP_UID`), or null where the image has none to offer. */
  readonly user: string | null;
  readonly source: string;
}

const accounts = (table.accounts as Account[]).map((account) => ({ name: globToRegExp(account.image), tag: account.tag ? new RegExp(account.tag, 'i') : null, account }));

/**
 * A non-root user the image already has but does not switch to (`node` on node, `$APP_UID` on
 * .NET 8 and later): adding a user of the same name would fail the build. Null when none is known.
 */
export function nonRootAccount(text: string): string | null {
  const image = normalizeImage(text);
  if (!image) return null;
  for (const { name, tag, account } of accounts) {
    if (name.test(image.name) && (!tag || tag.test(image.tag ?? 'latest'))) return account.user;
  }
  return null;
}
