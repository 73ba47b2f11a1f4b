import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { configuredContext, parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from '../../../common/settings';
import { readBuildContext } from '../node/build-context';
import type { ContextFolder } from '../node/workspace-scan';
import { findProjectConfigFile, readTextOrNull } from '../node/project-config-file';
import type { BuildContext } from '../rules/rule';
import { filePathOf } from './uri-paths';

const EMPTY: ProjectConfig = { rules: {} };
/** New files (a `.env` dropped in the folder) are noticed within this time, without a watcher. */
const CONTEXT_TTL_MS = 5000;

interface ContextEntry {
  readonly context: BuildContext;
  readonly readAt: number;
  refreshing: boolean;
}

/**
 * The project configuration that applies to each document, read from disk at the edge and cached
 * per folder until a configuration file changes. A broken file is reported once, then ignored.
 */
export class ProjectConfigStore {
  private readonly byFolder = new Map<string, { config: ProjectConfig; configFolder: string | null }>();
  private readonly reported = new Set<string>();
  private readonly contexts = new Map<string, ContextEntry>();
  private contextChanged: (uri: string) => void = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly now: () => number = Date.now,
  ) {}

  /** Told of a document whose build context was found changed on disk after its lint. */
  onContextChange(listener: (uri: string) => void): void {
    this.contextChanged = listener;
  }

  get(uri: string): ProjectConfig {
    return this.entry(uri).config;
  }

  private entry(uri: string): { config: ProjectConfig; configFolder: string | null } {
    const file = filePathOf(uri);
    if (file === null) return { config: EMPTY, configFolder: null };
    const folder = path.dirname(file);
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const found = findProjectConfigFile(folder, readTextOrNull);
    let config = EMPTY;
    if (found) {
      const parsed = parseProjectConfig(found.text);
      config = parsed.config;
      if (parsed.errors.length > 0 && !this.reported.has(found.file)) {
        this.reported.add(found.file);
        void this.connection.window.showWarningMessage(`${found.file}: ${parsed.errors.join('; ')}. The rest of the file still applies.`);
      }
    }
    const entry = { config, configFolder: found ? path.dirname(found.file) : null };
    this.byFolder.set(folder, entry);
    return entry;
  }

  /** The `target` the configuration gives a document, and the configuration's path. */
  configuredTarget(uri: string): { target: string; file: string } | null {
    const { config, configFolder } = this.entry(uri);
    return config.target && configFolder ? { target: config.target, file: path.join(configFolder, PROJECT_CONFIG_FILE) } : null;
  }

  /**
   * The build context of a saved Dockerfile: the project file's, else `workspaceFolder` (what the
   * build files agree on); null when neither knows. Read once, then again every few seconds, after
   * the lint that found it old and off the keystroke path (listing a context folder takes
   * milliseconds); the same object while what is read is the same.
   */
  buildContext(uri: string, workspaceFolder: ContextFolder | null): BuildContext | null {
    const file = filePathOf(uri);
    if (file === null) return null;
    const { config, configFolder } = this.entry(uri);
    const configured = configFolder ? configuredContext(config, configFolder, file) : null;
    const contextFolder = configured ? { folder: configured, assumed: false } : workspaceFolder;
    if (contextFolder === null) return null;
    const key = `${file}\0${contextFolder.folder}`;
    const cached = this.contexts.get(key);
    if (cached) {
      if (!cached.refreshing && this.now() - cached.readAt >= CONTEXT_TTL_MS) this.refreshSoon(key, cached, () => readBuildContext(file, contextFolder.folder, contextFolder.assumed), uri);
      return cached.context;
    }
    const context = readBuildContext(file, contextFolder.folder, contextFolder.assumed);
    this.contexts.set(key, { context, readAt: this.now(), refreshing: false });
    return context;
  }

  private refreshSoon(key: string, old: ContextEntry, read: () => BuildContext, uri: string): void {
    old.refreshing = true;
    setTimeout(() => {
      // Cleared meanwhile (a configuration or .dockerignore changed): the next lint reads it.
      if (this.contexts.get(key) !== old) return;
      const fresh = read();
      const same = fresh.dockerignore === old.context.dockerignore && fresh.entries.length === old.context.entries.length && fresh.entries.every((entry, i) => entry === old.context.entries[i]);
      this.contexts.set(key, { context: same ? old.context : fresh, readAt: this.now(), refreshing: false });
      if (!same) this.contextChanged(uri);
    }, 0).unref();
  }

  /** Files changed on disk: what was read is read again when one of them is a project file or a `.dockerignore`. */
  changed(uris: readonly string[]): void {
    if (uris.some((uri) => uri.endsWith(`/${PROJECT_CONFIG_FILE}`) || uri.endsWith('.dockerignore'))) this.clear();
  }

  clear(): void {
    this.byFolder.clear();
    this.reported.clear();
    this.contexts.clear();
  }
}
