// Where the files from other projects lie that the tests, the corpus run and the benchmarks read:
// they are never copied into the repository. The real-world corpus and BuildKit's conformance data
// are kept beside the project (`../shared/`); the grammars VS Code ships come with the code-server
// that scripts/e2e/setup.sh installs.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

/** `../shared/` beside the project, or DFS_SHARED. */
export const SHARED = path.resolve(process.env.DFS_SHARED || path.join(ROOT, '..', 'shared'));

/** The real-world corpus, `<owner>/<repository>/<path>` with each repository's build files; or DFS_CORPUS. */
export const CORPUS = process.env.DFS_CORPUS ? path.resolve(process.env.DFS_CORPUS) : path.join(SHARED, 'real-world');

/** BuildKit's own test data: `buildkit-parser/`, `buildkit-shell/`. */
export const CONFORMANCE = path.join(SHARED, 'conformance');

/** The built-in extensions of the VS Code that scripts/e2e/setup.sh installs. */
export const VSCODE_EXTENSIONS = path.join(
  process.env.DFS_E2E_CACHE || path.join(homedir(), '.cache', 'dockerfile-stages', 'vscode'),
  'node_modules', 'code-server', 'lib', 'vscode', 'extensions',
);

export interface ThirdPartyData {
  /** What it is, in the words of the skip message. */
  readonly what: string;
  readonly root: string;
  readonly available: boolean;
  /** How to get it, for the message. */
  readonly hint: string;
}

export function thirdPartyData(what: string, root: string, hint: string): ThirdPartyData {
  return { what, root, available: existsSync(root), hint };
}

export const corpusData = (): ThirdPartyData =>
  thirdPartyData('the real-world corpus', CORPUS, 'it is kept beside the project, in ../shared/real-world (or set DFS_CORPUS)');

export const conformanceData = (name: string): ThirdPartyData =>
  thirdPartyData(`BuildKit's ${name} test data`, path.join(CONFORMANCE, name), `it is kept beside the project, in ../shared/conformance/${name}`);

export const grammarData = (): ThirdPartyData =>
  thirdPartyData("VS Code's built-in grammars", VSCODE_EXTENSIONS, 'bash scripts/e2e/setup.sh installs the VS Code they come with');

/** Why the data is missing, as a skip or failure message. */
export function missingMessage(data: ThirdPartyData): string {
  return `${data.what}: not found at ${data.root}; ${data.hint}`;
}

/** In CI missing data is a failure, elsewhere (a user's clone) a skip. */
export const dataRequired = (): boolean => process.env.CI === 'true';

/**
 * The corpus's first part (`sources.tsv`: the files the team reviewed first), as paths relative to
 * the corpus: the benchmarks' real files, so that their figures compare across sessions.
 */
export function corpusFirstPart(corpus = CORPUS): Set<string> {
  const rows = readFileSync(path.join(corpus, 'sources.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Set(rows.map((row) => row.split('\t')).map(([repository, file]) => `${repository}/${file}`));
}
