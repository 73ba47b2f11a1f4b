import { formatSize, type ImageFacts, type SourcedFacts } from '../images/image-facts';

/** What the hover says of each fact, in this order. */
const DESCRIBE: { readonly [K in keyof ImageFacts]-?: (value: NonNullable<ImageFacts[K]>, facts: ImageFacts) => string | null } = {
  os: (os) => `${os === 'windows' ? 'Windows' : 'Linux'}`,
  user: (user) => `user \`${user}\``,
  dropsPrivileges: (drops) => (drops ? 'its server leaves root by itself' : null),
  kind: (kind) => KIND_TEXT[kind] ?? null,
  libc: (libc) => (libc === 'none' ? 'no C library' : `${libc}`),
  shell: (shell) => (shell ? 'has a shell' : 'no shell'),
  service: (service) => (service ? 'its command starts a server' : null),
  serves: (serves) => (serves ? 'serves the network' : null),
  interpreter: (interpreter) => (interpreter ? 'a language runtime: images built on it run the program they copy in' : null),
  lighter: () => null,
  env: (env, facts) => (env.length === 0 ? (facts.envComplete ? 'no environment variables' : null) : `environment ${list(env.map((name) => `\`${name}\``), 8)}`),
  envComplete: () => null,
  envValues: () => null,
  workingDir: (dir) => `working directory \`${dir}\``,
  entrypoint: (entrypoint) => (entrypoint.length > 0 ? `entrypoint \`${entrypoint.join(' ')}\`` : null),
  cmd: (cmd) => (cmd.length > 0 ? `command \`${cmd.join(' ')}\`` : null),
  exposedPorts: (ports) => (ports.length > 0 ? `exposes ${ports.join(', ')}` : null),
  healthcheck: (check) => (check ? 'has a HEALTHCHECK (stages built FROM it inherit it)' : null),
  platforms: (platforms) => (platforms.length > 0 ? `platforms ${list(platforms, 10)}` : null),
  compressedSize: (size) => `${formatSize(size)} to pull`,
};

const KIND_TEXT: Readonly<Record<string, string>> = {
  os: 'an operating system image',
  sdk: 'an SDK (compilers and headers)',
  runtime: 'a runtime image',
  service: 'a server image',
  minimal: 'a minimal image',
  scratch: 'empty',
  dev: 'a development image',
};

function list(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** "built-in table (https://… note)" with its address as a link; other sources as they are. */
function sourceText(source: string): string {
  const match = /^built-in table \((https?:\/\/\S+?)( [^]*)?\)$/.exec(source);
  return match ? `built-in table ([documentation](${match[1]})${match[2] ?? ''})` : source;
}

/**
 * The facts known of an image, one line per source: "Linux, user `root`, … — *registry docker.io,
 * looked up 2 h ago*". Empty when nothing is known.
 */
export function imageFactLines(known: SourcedFacts | null): string[] {
  if (!known) return [];
  const bySource = new Map<string, string[]>();
  for (const key of Object.keys(DESCRIBE) as (keyof ImageFacts)[]) {
    const value = known.facts[key];
    if (value === undefined) continue;
    const describe = DESCRIBE[key] as (value: unknown, facts: ImageFacts) => string | null;
    const text = describe(value, known.facts);
    if (text === null) continue;
    const source = known.sources?.[key] ?? known.source;
    const texts = bySource.get(source) ?? [];
    texts.push(text);
    bySource.set(source, texts);
  }
  return [...bySource].map(([source, texts]) => `${texts.join(', ')} — *${sourceText(source)}*`);
}
