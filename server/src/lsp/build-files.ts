import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { shippingFor } from '../engine/lint';
import type { BuildFileDocument, BuiltDockerfile } from '../features/build-files/build-file';
import { checkBuildFile } from '../features/build-files/target-check';
import { buildModel } from '../model/model-builder';
import type { DockerfileModel } from '../model/types';
import type { ScannedWorkspace } from '../node/workspace-scan';
import { buildFileKind, referencesInFile } from '../workspace/build-files';
import { indexTargets } from '../workspace/target-index';
import type { FieldSpan, TargetReference, WorkspaceFile } from '../workspace/types';
import type { DiagnosticsScheduler } from './diagnostics';
import type { DocumentModels } from './document-models';
import { DIAGNOSTIC_SOURCE } from './conversions';
import { describeError } from './run-safe';
import { filePathOf } from './uri-paths';
import type { WorkspaceTargets } from './workspace-targets';

/** The names (in a URI's text) that may be build files: compose, Bake, dev container, GitHub workflow. */
const BUILD_FILE_NAME = /(compose|docker-bake|devcontainer)[^/]*\.(ya?ml|hcl|json)$|\/\.github\/workflows\/[^/]+\.ya?ml$/i;

/** A Dockerfile larger than this is not read from disk for a build file's features. */
const MAX_DOCKERFILE_BYTES = 2 * 1024 * 1024;
/** Dockerfiles read from disk and kept: a Bake file of a monorepo may name hundreds. */
const MAX_ON_DISK_KEPT = 64;
/** Build files are checked again after this pause, so typing in a Dockerfile costs them nothing. */
const CHECK_DELAY_MS = 200;

/**
 * The compose, Bake, workflow and dev container files open in the editor: their target fields
 * read from their current text, the Dockerfiles they build read from the editor or the disk, and
 * their problems published. Also the other way: a Dockerfile's stage as the workspace's build
 * files name it, for references and rename.
 */
export class BuildFiles {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Dockerfiles read from disk, by path, until their modification time changes (the last few read). */
  private readonly onDisk = new Map<string, { mtimeMs: number; model: DockerfileModel }>();
  /** Whether a URI is a build file, once asked (the workspace root it depends on stays). */
  private readonly kinds = new Map<string, boolean>();
  /** The build files open in the editor (scheduled at least once, not closed). */
  private readonly open = new Set<string>();
  /** The last reason logged for a build file that could not be read. */
  private readonly loggedProblems = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: DocumentModels,
    private readonly workspaceTargets: WorkspaceTargets,
    private readonly diagnostics: DiagnosticsScheduler,
  ) {}

  /** True for the documents this class serves instead of the Dockerfile features. */
  handles(uri: string): boolean {
    // Asked for every document on every change: the URI's text is tested first (only these names
    // can be build files; a Dockerfile's URI fails here), and an answer is kept per URI.
    if (!BUILD_FILE_NAME.test(uri)) return false;
    let known = this.kinds.get(uri);
    if (known === undefined) {
      const file = filePathOf(uri);
      known = file !== null && buildFileKind(this.relative(this.workspaceTargets.workspaceOf(file), file)) !== null;
      this.kinds.set(uri, known);
    }
    return known;
  }

  /** The editor's document of an open build file. */
  openDocument(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The open build file as the features read it; null when it is not one. */
  document(uri: string): BuildFileDocument | null {
    const open = this.documents.get(uri);
    const file = filePathOf(uri);
    if (!open || file === null || !this.handles(uri)) return null;
    const workspace = this.workspaceTargets.workspaceOf(file);
    const relative = this.relative(workspace, file);
    // Its folder's build files are read with it (overrides, base files); no other one is.
    const folder = path.posix.dirname(relative);
    const siblings = this.liveFiles(workspace, (p) => path.posix.dirname(p) === folder);
    const text = open.getText();
    const { references, problems } = referencesInFile({ path: relative, text }, siblings, (p) => this.exists(workspace, p));
    // One line per new reason a file cannot be read, not one per keystroke or request.
    const reason = problems.map((problem) => problem.message).join('; ');
    if (reason !== '' && this.loggedProblems.get(uri) !== reason) this.connection.console.log(`${uri}: ${reason}`);
    this.loggedProblems.set(uri, reason);
    return {
      file: relative,
      text,
      references,
      dockerfile: (p) => this.dockerfile(workspace, p),
    };
  }

  schedule(uri: string): void {
    this.open.add(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri);
      }, CHECK_DELAY_MS),
    );
  }

  /** Checks every open build file again (a Dockerfile or a build file changed). */
  scheduleAll(): void {
    for (const uri of this.open) this.schedule(uri);
  }

  close(uri: string): void {
    this.open.delete(uri);
    this.kinds.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.loggedProblems.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }

  /** The text position of a span of a workspace file (open in the editor, or as read). */
  locate(workspace: ScannedWorkspace, span: FieldSpan): { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null {
    const absolute = path.join(workspace.root, span.file);
    const uri = pathToFileURL(absolute).href;
    const text = this.documents.get(uri)?.getText() ?? workspace.targetFiles.find((f) => f.path === span.file)?.text;
    if (text === undefined) return null;
    const document = TextDocument.create(uri, 'plaintext', 0, text);
    return { uri, range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } };
  }

  /**
   * The builds of the workspace that name a Dockerfile's targets, read from the build files'
   * current texts (edits not yet saved included).
   */
  targetsOfDockerfile(uri: string): { workspace: ScannedWorkspace; references: TargetReference[] } | null {
    const file = filePathOf(uri);
    if (file === null) return null;
    const workspace = this.workspaceTargets.workspaceOf(file);
    const relative = this.relative(workspace, file);
    const live = this.liveFiles(workspace);
    const edited = live.some((f, i) => f !== workspace.targetFiles[i]);
    const index = edited ? indexTargets(live, (p) => this.exists(workspace, p)) : workspace.index;
    return { workspace, references: index.references.filter((reference) => reference.dockerfile === relative) };
  }

  private publish(uri: string): void {
    try {
      const document = this.document(uri);
      const open = this.documents.get(uri);
      if (!document || !open) return;
      const diagnostics: Diagnostic[] = checkBuildFile(document).map((problem) => ({
        range: { start: open.positionAt(problem.start), end: open.positionAt(problem.end) },
        severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: problem.code,
        message: problem.message,
        ...(problem.replacement ? { data: { replacement: problem.replacement } } : {}),
      }));
      void this.connection.sendDiagnostics({ uri, version: open.version, diagnostics });
    } catch (error) {
      this.connection.console.error(`Checking the build targets of ${uri} failed: ${describeError(error)}`);
    }
  }

  /** The workspace's build files (those `keep` keeps) with the editor's text for those open in it. */
  private liveFiles(workspace: ScannedWorkspace, keep: (path: string) => boolean = () => true): WorkspaceFile[] {
    return workspace.targetFiles.filter((f) => keep(f.path)).map((f) => {
      const open = this.documents.get(pathToFileURL(path.join(workspace.root, f.path)).href);
      return open && open.getText() !== f.text ? { path: f.path, text: open.getText() } : f;
    });
  }

  private relative(workspace: ScannedWorkspace, file: string): string {
    return path.relative(workspace.root, file).split(path.sep).join('/');
  }

  /** Whether an absolute path is a file now. */
  fileExists(absolute: string): boolean {
    try {
      return statSync(absolute).isFile();
    } catch {
      return false;
    }
  }

  /** Whether a workspace path is a file now (a Dockerfile created since the scan counts). */
  private exists(workspace: ScannedWorkspace, relative: string): boolean {
    const uri = pathToFileURL(path.join(workspace.root, relative)).href;
    return this.documents.get(uri) !== undefined || this.fileExists(path.join(workspace.root, relative));
  }

  private dockerfile(workspace: ScannedWorkspace, relative: string): BuiltDockerfile | null {
    const absolute = path.join(workspace.root, relative);
    const uri = pathToFileURL(absolute).href;
    const open = this.documents.get(uri);
    let model: DockerfileModel;
    if (open) model = this.models.get(open);
    else {
      let stats;
      try {
        stats = statSync(absolute);
      } catch {
        return null;
      }
      if (!stats.isFile() || stats.size > MAX_DOCKERFILE_BYTES) return null;
      const cached = this.onDisk.get(absolute);
      if (cached && cached.mtimeMs === stats.mtimeMs) model = cached.model;
      else {
        try {
          model = buildModel(readFileSync(absolute, 'utf8'));
        } catch {
          return null;
        }
        this.onDisk.delete(absolute);
        this.onDisk.set(absolute, { mtimeMs: stats.mtimeMs, model });
        if (this.onDisk.size > MAX_ON_DISK_KEPT) this.onDisk.delete(this.onDisk.keys().next().value as string);
      }
    }
    return { path: relative, uri, model, shipping: shippingFor(model, this.diagnostics.buildFacts(uri)) };
  }
}
