import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { BuildTargetUse } from '../model/stage-roles';
import { indexTargets, localImageNames, mayNameTargets, namedContextNames, MAX_TARGET_FILE_BYTES, targetsOf } from '../workspace/target-index';
import type { TargetIndex, TargetReference, WorkspaceFile } from '../workspace/types';

/** Folders never walked: dependencies, caches and VCS data hold no build files of the project. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.gradle', '.idea', 'bower_components', '.next', '.nuxt', '.terraform']);
/** A bound on the walk, so a huge home folder opened by mistake costs seconds, not minutes. */
const MAX_PATHS = 200_000;

export interface ScannedWorkspace {
  readonly root: string;
  readonly index: TargetIndex;
  /** How many files the walk saw. */
  readonly files: number;
  /** Image names the workspace builds itself (normalized, no tag). */
  readonly localImages: ReadonlySet<string>;
  /** Named build contexts the workspace's builds pass (lower-case). */
  readonly namedContexts: ReadonlySet<string>;
  /** The files read for targets, with their text as read (build files are read again with their siblings). */
  readonly targetFiles: readonly WorkspaceFile[];
  /** Every file path the walk saw, relative to the root. */
  readonly paths: ReadonlySet<string>;
}

/**
 * The workspace root of a Dockerfile: the folder the user gave (`check <folder>`, the editor's
 * workspace folder), else the nearest folder above it that holds `.git`, else its own folder.
 */
export function workspaceRootOf(dockerfile: string, given: string | null = null): string {
  if (given) return path.resolve(given);
  let folder = path.dirname(path.resolve(dockerfile));
  for (;;) {
    if (existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return path.dirname(path.resolve(dockerfile));
    folder = parent;
  }
}

/** Walks the workspace once and indexes every file that names build targets. */
export function scanWorkspace(root: string): ScannedWorkspace {
  const paths = new Set<string>();
  const files: WorkspaceFile[] = [];
  const walk = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (paths.size >= MAX_PATHS) return;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(child);
      } else if (entry.isFile()) {
        paths.add(child);
        if (mayNameTargets(child)) {
          const full = path.join(root, child);
          try {
            if (statSync(full).size <= MAX_TARGET_FILE_BYTES) files.push({ path: child, text: readFileSync(full, 'utf8') });
          } catch {
            // Unreadable files name no targets.
          }
        }
      }
    }
  };
  walk('');
  return indexed(root, files, paths);
}

function indexed(root: string, files: WorkspaceFile[], paths: Set<string>): ScannedWorkspace {
  const index = indexTargets(files, paths);
  return { root, index, files: paths.size, localImages: localImageNames(index), namedContexts: namedContextNames(index), targetFiles: files, paths };
}

/**
 * The workspace after some of its build files changed, were created or deleted: only those are
 * read again, and the index is rebuilt from the texts (each unchanged file's parse is kept), so a
 * change costs milliseconds, not a walk.
 */
export function rescanFiles(workspace: ScannedWorkspace, relativePaths: readonly string[]): ScannedWorkspace {
  const files = new Map(workspace.targetFiles.map((file) => [file.path, file]));
  // The set of paths is copied only when a file came or went (an edit, the usual change, keeps it).
  let paths = workspace.paths as Set<string>;
  const setPath = (relative: string, present: boolean): void => {
    if (paths.has(relative) === present) return;
    if (paths === workspace.paths) paths = new Set(paths);
    if (present) paths.add(relative);
    else paths.delete(relative);
  };
  for (const relative of relativePaths) {
    const full = path.join(workspace.root, relative);
    let text: string | null = null;
    try {
      if (statSync(full).size <= MAX_TARGET_FILE_BYTES) text = readFileSync(full, 'utf8');
      setPath(relative, true);
    } catch {
      setPath(relative, false);
    }
    if (text === null || !mayNameTargets(relative)) files.delete(relative);
    else files.set(relative, { path: relative, text });
  }
  return indexed(workspace.root, [...files.values()], paths);
}

/** A file's path within the workspace, with `/` separators. */
export function relativeToWorkspace(workspace: ScannedWorkspace, file: string): string {
  return path.relative(workspace.root, path.resolve(file)).split(path.sep).join('/');
}

/** The workspace's builds of one Dockerfile, as the rules take them. */
export function usesOf(workspace: ScannedWorkspace, dockerfile: string): { uses: BuildTargetUse[]; references: TargetReference[] } {
  const relative = relativeToWorkspace(workspace, dockerfile);
  const references = targetsOf(workspace.index, relative);
  return {
    references,
    uses: references.map((r) => ({
      target: r.target,
      targetHasVariables: r.targetHasVariables,
      purpose: r.purpose,
      source: `${r.source.file}:${r.source.line + 1}, ${r.source.label}`,
      healthChecked: r.healthChecked === true,
      ...(r.command !== undefined ? { command: r.command } : {}),
    })),
  };
}

/**
 * The build context folder of a Dockerfile when it can be told: the one the workspace's build files
 * agree on; else the Dockerfile's folder when it is named plainly (`docker build .` builds that),
 * assumed only outside the root; null when unknown, so context rules stay silent.
 */
export function contextFromWorkspace(workspace: ScannedWorkspace, dockerfile: string, references: readonly TargetReference[]): ContextFolder | null {
  const contexts = new Set(references.map((r) => r.context).filter((c): c is string => c !== null));
  if (contexts.size === 1) return { folder: path.join(workspace.root, [...contexts][0] as string), assumed: false };
  if (contexts.size > 1) return null;
  if (!/^(Dockerfile|Containerfile)$/i.test(path.basename(dockerfile))) return null;
  // At the root, `docker build .` is how it is built; in a subfolder it is often built from the
  // root with `-f`, so that folder is only assumed.
  const folder = path.dirname(path.resolve(dockerfile));
  return { folder, assumed: path.resolve(folder) !== path.resolve(workspace.root) };
}

/** A build context folder, and whether it is only assumed (the Dockerfile's own folder). */
export interface ContextFolder {
  readonly folder: string;
  readonly assumed: boolean;
}
