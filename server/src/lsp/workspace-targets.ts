import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { BuildTargetUse } from '../model/stage-roles';
import { contextFromWorkspace, relativeToWorkspace, rescanFiles, scanWorkspace, usesOf, workspaceRootOf, type ContextFolder, type ScannedWorkspace } from '../node/workspace-scan';
import { mayNameTargets } from '../workspace/target-index';
import type { TargetReference } from '../workspace/types';
import { filePathOf } from './uri-paths';

/** What the workspace says about one Dockerfile. */
export interface DocumentTargets {
  readonly uses: readonly BuildTargetUse[];
  readonly references: readonly TargetReference[];
  /** Image names the workspace builds itself. */
  readonly localImages: ReadonlySet<string>;
  /** Named build contexts the workspace's builds pass. */
  readonly namedContexts: ReadonlySet<string>;
  /** The workspace files read for targets, relative to the root. */
  readonly targetFiles: readonly string[];
  /** The build context the build files agree on, or the assumed folder of a plain `Dockerfile`; null: unknown. */
  readonly contextFolder: ContextFolder | null;
  /** The Dockerfile's path within its workspace (`/` separators): its folders say what it is for. */
  readonly relativePath: string | null;
}

/** Far more documents than are ever open; past it the table starts over. */
const MAX_DOCUMENTS_KEPT = 4096;

const NOTHING: DocumentTargets = { uses: [], references: [], localImages: new Set(), namedContexts: new Set(), targetFiles: [], contextFolder: null, relativePath: null };

/**
 * The target index of each workspace root, built on first use and dropped when a file that names
 * targets changes (the client watches them), so the next lint reads the workspace again.
 */
export class WorkspaceTargets {
  private folders: string[] = [];
  private readonly scans = new Map<string, ScannedWorkspace>();
  /** The root of each document folder: looking for `.git` upwards costs file-system calls per lint otherwise. */
  private readonly roots = new Map<string, string>();
  /** What each document was told, with the index it was read from: a lint asks on every keystroke. */
  private readonly byDocument = new Map<string, { workspace: ScannedWorkspace; targets: DocumentTargets }>();

  constructor(private readonly connection: Connection) {}

  /** The editor's workspace folders (file URIs); a Dockerfile inside one has it as its root. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(filePathOf).filter((folder): folder is string => folder !== null);
    this.scans.clear();
    this.roots.clear();
    this.byDocument.clear();
  }

  /**
   * Reads the workspace folders' build files at start-up, on the next turn after `initialize` is
   * answered: the shell grammar compiles on V8's threads meanwhile, and the first lint waits for
   * both instead of walking the workspace after the grammar. (A walk with asynchronous reads is
   * three times slower for thousands of folders.)
   */
  prepare(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        for (const folder of this.folders) this.scanned(path.resolve(folder));
        resolve();
      }),
    );
  }

  /** The same object while the document's index is unchanged (a changed build file gives a new index). */
  forDocument(uri: string): DocumentTargets {
    const file = filePathOf(uri);
    if (file === null) return NOTHING;
    const workspace = this.workspaceOf(file);
    const known = this.byDocument.get(uri);
    if (known?.workspace === workspace) return known.targets;
    const { uses, references } = usesOf(workspace, file);
    const relativePath = relativeToWorkspace(workspace, file);
    const targets = { uses, references, localImages: workspace.localImages, namedContexts: workspace.namedContexts, targetFiles: workspace.index.files, contextFolder: contextFromWorkspace(workspace, file, references), relativePath };
    if (this.byDocument.size >= MAX_DOCUMENTS_KEPT) this.byDocument.clear();
    this.byDocument.set(uri, { workspace, targets });
    return targets;
  }

  /**
   * Reads again the build files that changed, were created or deleted, in each index they belong
   * to (only those files: no walk); true when an index changed.
   */
  changed(uris: readonly string[]): boolean {
    const byRoot = new Map<string, string[]>();
    for (const uri of uris) {
      const file = filePathOf(uri);
      if (file === null) continue;
      for (const root of this.scans.keys()) {
        const relative = path.relative(root, file);
        if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
        const normalized = relative.split(path.sep).join('/');
        if (mayNameTargets(normalized)) byRoot.set(root, [...(byRoot.get(root) ?? []), normalized]);
      }
    }
    for (const [root, files] of byRoot) {
      const workspace = this.scans.get(root);
      if (!workspace) continue;
      const rescanned = rescanFiles(workspace, files);
      this.scans.set(root, rescanned);
      for (const problem of rescanned.index.problems) if (files.includes(problem.file)) this.connection.console.warn(`${path.join(root, problem.file)}: ${problem.message}`);
    }
    return byRoot.size > 0;
  }

  /** The scanned workspace a file belongs to (its root, its build files), scanning it if needed. */
  workspaceOf(file: string): ScannedWorkspace {
    // The deepest workspace folder holding the file; outside them, the nearest folder with `.git`.
    const dir = path.dirname(file);
    let root = this.roots.get(dir);
    if (root === undefined) {
      const folder = this.folders.filter((f) => !path.relative(f, file).startsWith('..')).sort((a, b) => b.length - a.length)[0] ?? null;
      root = workspaceRootOf(file, folder);
      this.roots.set(dir, root);
    }
    return this.scanned(root);
  }

  /** The index of a root, walked (and logged) the first time it is asked for. */
  private scanned(root: string): ScannedWorkspace {
    const known = this.scans.get(root);
    if (known) return known;
    const started = performance.now();
    const workspace = scanWorkspace(root);
    this.scans.set(root, workspace);
    const { files, references, problems } = workspace.index;
    this.connection.console.log(`Build targets of ${workspace.root}: ${references.length} in ${files.length} files, read in ${Math.round(performance.now() - started)} ms.`);
    for (const problem of problems) this.connection.console.warn(`${path.join(workspace.root, problem.file)}: ${problem.message}`);
    return workspace;
  }
}
