import type { ImageFacts, SourcedFacts } from './image-facts';

/**
 * The part of an image's configuration the rules read. The OCI config blob spells it
 * `{ os, architecture, config: { User, Env, … } }`; `docker image inspect` spells it
 * `{ Os, Architecture, Config: { User, Env, … } }`. Both are accepted.
 */
interface ContainerConfig {
  readonly User?: unknown;
  readonly Env?: unknown;
  readonly WorkingDir?: unknown;
  readonly Entrypoint?: unknown;
  readonly Cmd?: unknown;
  readonly ExposedPorts?: unknown;
  readonly Healthcheck?: unknown;
}

/** What a registry or the engine adds to the config: the platforms offered and the size. */
export interface ImageExtras {
  /** Every platform the tag's index offers (`linux/amd64`, `linux/arm64/v8`). */
  readonly platforms?: readonly string[];
  /** The sum of the compressed layers of the platform read. */
  readonly compressedSize?: number;
}

/** Reads an image config (OCI blob or `docker image inspect` entry) into facts; fields it lacks stay unknown. */
export function factsFromImageConfig(document: unknown, extras: ImageExtras = {}): ImageFacts {
  if (typeof document !== 'object' || document === null) return {};
  const raw = document as Record<string, unknown>;
  const config = (raw.config ?? raw.Config ?? {}) as ContainerConfig;
  const os = stringOf(raw.os ?? raw.Os);
  const facts: { -readonly [K in keyof ImageFacts]: ImageFacts[K] } = {};
  if (os === 'linux' || os === 'windows') facts.os = os;
  // An empty User is root (Windows: ContainerAdministrator, the default of servercore).
  const user = stringOf(config.User);
  facts.user = user !== null && user !== '' ? user : os === 'windows' ? 'ContainerAdministrator' : 'root';
  if (Array.isArray(config.Env)) {
    const env = config.Env.filter((entry): entry is string => typeof entry === 'string');
    facts.env = env.map((entry) => entry.split('=')[0] ?? entry).filter(Boolean);
    facts.envValues = Object.fromEntries(env.map((entry) => [entry.split('=')[0] ?? entry, entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : '']));
    facts.envComplete = true;
  } else {
    facts.env = [];
    facts.envValues = {};
    facts.envComplete = true;
  }
  const workingDir = stringOf(config.WorkingDir);
  if (workingDir) facts.workingDir = workingDir;
  const entrypoint = stringList(config.Entrypoint);
  if (entrypoint) facts.entrypoint = entrypoint;
  const cmd = stringList(config.Cmd);
  if (cmd) facts.cmd = cmd;
  if (typeof config.ExposedPorts === 'object' && config.ExposedPorts !== null) facts.exposedPorts = Object.keys(config.ExposedPorts);
  facts.healthcheck = hasHealthcheck(config.Healthcheck);
  // A local image is one platform of the tag: only an index says what the tag offers.
  if (extras.platforms && extras.platforms.length > 0) facts.platforms = [...extras.platforms];
  if (extras.compressedSize !== undefined && extras.compressedSize > 0) facts.compressedSize = extras.compressedSize;
  return facts;
}

/** `{Test: ["NONE"]}` turns a base image's check off; any other test is a check. */
function hasHealthcheck(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const test = stringList((raw as { Test?: unknown }).Test);
  return test !== null && test.length > 0 && test[0] !== 'NONE';
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

/** The facts an image's own config gives, and the built-in table's for what a config cannot say (libc, SDK or not, a shell). */
export function mergeFacts(learned: SourcedFacts, table: SourcedFacts | null): SourcedFacts {
  if (!table) return learned;
  const facts: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [key, value] of Object.entries(table.facts)) {
    facts[key] = value;
    sources[key] = table.sources?.[key as keyof ImageFacts] ?? table.source;
  }
  for (const [key, value] of Object.entries(learned.facts)) {
    if (value === undefined) continue;
    facts[key] = value;
    sources[key] = learned.sources?.[key as keyof ImageFacts] ?? learned.source;
  }
  // The image's own user decides: a table's "drops privileges" was about the image it describes.
  if (learned.facts.user !== undefined && table.facts.user !== undefined && learned.facts.user !== table.facts.user) delete facts.dropsPrivileges;
  return { facts: facts as ImageFacts, source: learned.source, sources: sources as SourcedFacts['sources'] };
}
