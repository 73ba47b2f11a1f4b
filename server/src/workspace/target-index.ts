import { normalizeImage } from '../images/image-facts';
import { bakeTargets, isBakeFile } from './bake';
import {
  devcontainerTargets,
  githubTargets,
  gitlabTargets,
  isBuildScript,
  isDevcontainer,
  isGithubWorkflow,
  isGitlabCi,
  isSkaffold,
  scriptTargets,
  skaffoldTargets,
} from './ci-files';
import { composeTargets, isComposeFile } from './compose';
import type { IndexProblem, TargetIndex, TargetReference, WorkspaceFile } from './types';

/** The largest file read for targets: generated or vendored files beyond this say nothing useful. */
export const MAX_TARGET_FILE_BYTES = 512 * 1024;

/** True for the files whose text may name build targets; the edge reads only these. */
export function mayNameTargets(path: string): boolean {
  return isComposeFile(path) || isBakeFile(path) || isGithubWorkflow(path) || isGitlabCi(path) || isDevcontainer(path) || isSkaffold(path) || isBuildScript(path);
}

/**
 * Indexes every place of the workspace that names a build target. `files` are the files for
 * which `mayNameTargets` is true, with their text; `paths` is every file path of the workspace,
 * or a test of one (to tell which Dockerfile a relative path means). A file that cannot be read
 * is one problem line and no references, never an exception.
 */
export function indexTargets(files: readonly WorkspaceFile[], paths: ReadonlySet<string> | ((path: string) => boolean)): TargetIndex {
  const exists = typeof paths === 'function' ? paths : (path: string): boolean => paths.has(path);
  const references: TargetReference[] = [];
  const problems: IndexProblem[] = [];
  const add = (found: Found): void => {
    references.push(...found.references);
    problems.push(...found.problems);
  };
  const known = readBefore(paths);
  const compose = files.filter((f) => isComposeFile(f.path));
  const bake = files.filter((f) => isBakeFile(f.path));
  // Compose and Bake files are read together (overrides, `extends`, `inherits` cross files).
  add(known('\0compose', textsOf(compose), () => composeTargets(compose)));
  add(known('\0bake', textsOf(bake), () => bakeTargets(bake, exists)));
  for (const file of files) {
    try {
      if (isGithubWorkflow(file.path)) add(known(file.path, file.text, () => githubTargets(file, exists)));
      else if (isGitlabCi(file.path)) add(known(file.path, file.text, () => gitlabTargets(file, exists)));
      else if (isDevcontainer(file.path)) add(known(file.path, file.text, () => devcontainerTargets(file)));
      else if (isSkaffold(file.path)) add(known(file.path, file.text, () => skaffoldTargets(file)));
      else if (isBuildScript(file.path)) add(known(file.path, file.text, () => scriptTargets(file, exists)));
    } catch (error) {
      problems.push({ file: file.path, message: `not read for build targets: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { references, problems, files: files.map((f) => f.path) };
}

interface Found {
  readonly references: readonly TargetReference[];
  readonly problems: readonly IndexProblem[];
}

/**
 * What each build file (each group, for compose and Bake) gave, by the workspace paths it was
 * read against: the index is rebuilt whenever one build file changes, and with the same paths
 * (an edit; a file that comes or goes gives a new set) every other file's answer stands.
 */
const foundBefore = new WeakMap<object, Map<string, { text: string; found: Found }>>();

function readBefore(paths: object): (key: string, text: string, read: () => Found) => Found {
  let byKey = foundBefore.get(paths);
  if (!byKey) {
    byKey = new Map();
    foundBefore.set(paths, byKey);
  }
  const known = byKey;
  return (key, text, read) => {
    const before = known.get(key);
    if (before && before.text === text) return before.found;
    const found = read();
    known.set(key, { text, found });
    return found;
  };
}

function textsOf(files: readonly WorkspaceFile[]): string {
  return files.map((file) => `${file.path}\0${file.text}`).join('\0');
}

/**
 * The images the workspace builds and tags itself (`docker build -t app-base`, compose `image:`),
 * by name without tag, as `normalizeImage` writes them: a FROM of one of these is a local image.
 */
export function localImageNames(index: TargetIndex): Set<string> {
  const names = new Set<string>();
  for (const reference of index.references) {
    for (const tag of reference.tags ?? []) {
      const image = /[$`]/.test(tag) ? null : normalizeImage(tag);
      if (image) names.add(image.name);
    }
  }
  return names;
}

/** Names of the named build contexts any build of the workspace passes (`COPY --from=<name>` reads them). */
export function namedContextNames(index: TargetIndex): Set<string> {
  return new Set(index.references.flatMap((reference) => reference.namedContexts ?? []).map((name) => name.toLowerCase()));
}

/** The references that build a given Dockerfile (workspace-relative path). */
export function targetsOf(index: TargetIndex, dockerfile: string): TargetReference[] {
  return index.references.filter((reference) => reference.dockerfile === dockerfile);
}
