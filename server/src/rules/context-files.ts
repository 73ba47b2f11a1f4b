import dockerignore from '@balena/dockerignore';
import type { Instruction } from '../model/types';
import type { BuildContext } from './rule';

/** Files that hold credentials and must not reach an image. */
const SECRET_FILE = /(^|\/)(\.env(\.[\w.-]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.aws|\.ssh|\.docker\/config\.json|id_(rsa|dsa|ecdsa|ed25519)|[\w.-]+\.(pem|key|p12|pfx)|credentials\.json|service-account[\w.-]*\.json)$/;
/** Example files that are meant to be committed and copied. */
const SECRET_EXAMPLE = /\.(example|sample|template|dist)$|\.env\.(example|sample|template|dist|defaults)$/;

/**
 * What makes a file's text a credential: a private key block, a registry token or password,
 * cloud keys, a token in a URL. A public key, a certificate or an `.npmrc` that only names a
 * registry has none of these.
 */
const SECRET_CONTENT = [
  /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/,
  /-----BEGIN OPENSSH PRIVATE KEY-----/,
  /_auth(Token)?\s*=\s*\S/,
  /:_password\s*=\s*\S/,
  /aws_secret_access_key\s*=\s*\S/i,
  /"private_key"\s*:\s*"-----BEGIN/,
  /"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/,
  /^\s*password\s*[=:]\s*\S/im,
  /https?:\/\/[^\s:/@]+:[^\s@/]+@/,
  /^\s*(export\s+)?[A-Z0-9_]*(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*\s*=\s*['"]?[^'"\s#]/m,
];

/**
 * Whether a credentials-named file holds a credential: by its text when the context can be read;
 * null when it cannot be told (no context, or the file is not there).
 */
export function holdsSecret(path: string, context: BuildContext | null): boolean | null {
  if (!context?.readFile) return null;
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  const text = context.readFile(clean);
  if (text === null) return null;
  // Key stores are binary: their name is all there is to judge.
  if (/\.(p12|pfx|jks|keystore)$/i.test(clean) || text.includes('\u0000')) return true;
  return SECRET_CONTENT.some((pattern) => pattern.test(text));
}

export function isSecretFile(path: string): boolean {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  return SECRET_FILE.test(clean) && !SECRET_EXAMPLE.test(clean);
}

/** True for COPY/ADD of the whole build context (`.` or `./` as a source), not from a stage. */
export function copiesWholeContext(instruction: Instruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) return false;
  return instruction.args.slice(0, -1).some((arg) => /^\.\/?$/.test(arg.value));
}

/** A matcher for the context's `.dockerignore`; nothing is ignored without one. */
export function ignoreMatcher(context: BuildContext): (path: string) => boolean {
  if (context.dockerignore === null) return () => false;
  const matcher = dockerignore().add(context.dockerignore.split(/\r?\n/));
  return (path) => {
    const clean = path.replace(/^\.?\//, '').replace(/\/+$/, '');
    return clean !== '' && clean !== '.' && matcher.ignores(clean);
  };
}

/** Sources of a COPY/ADD from the context (not URLs, not heredocs, not from a stage). */
export function contextSources(instruction: Instruction): Instruction['args'] {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.heredocs.length > 0) return [];
  if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) return [];
  return instruction.args.slice(0, -1).filter((arg) => !/^[a-z]+:\/\//i.test(arg.value) && !arg.value.startsWith('git@') && !arg.value.startsWith('['));
}

/** How deep the edge lists a context; a source deeper than this is judged by its first folders. */
const LISTED_DEPTH = 3;
/** Top-level files or folders that say "a project's sources are here". */
const PROJECT_ENTRY =
  /^(package\.json|go\.mod|Cargo\.toml|pyproject\.toml|requirements[\w.-]*\.txt|setup\.py|Pipfile|uv\.lock|poetry\.lock|Gemfile|pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|composer\.json|mix\.exs|[\w.-]+\.(csproj|fsproj|vbproj|sln)|CMakeLists\.txt|Makefile|meson\.build|deno\.jsonc?|src|app|cmd|lib)$/;

/**
 * Whether an assumed context (the Dockerfile's own folder) is the one the build uses: the files
 * the Dockerfile copies by name are there, and when it copies only `.`, the folder holds a
 * project. A Dockerfile kept in `docker/` is usually built from the root with `-f`; then the
 * folder fails this test and context rules must not judge it.
 */
export function contextFits(instructions: readonly Instruction[], context: BuildContext): boolean {
  const entries = new Set(context.entries);
  let named = 0;
  for (const instruction of instructions) {
    for (const source of contextSources(instruction)) {
      const path = source.value.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
      if (path === '' || path === '.' || /[$*?[\\]/.test(path) || path.startsWith('/') || path.startsWith('..')) continue;
      named++;
      if (!entries.has(path.split('/').slice(0, LISTED_DEPTH).join('/'))) return false;
    }
  }
  return named > 0 || context.entries.some((entry) => !entry.includes('/') && PROJECT_ENTRY.test(entry));
}
