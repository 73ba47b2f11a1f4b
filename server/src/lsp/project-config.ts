import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { parseProjectConfig, type ProjectConfig } from '../../../common/settings';
import { findProjectConfigFile, readTextOrNull } from '../node/project-config-file';

const EMPTY: ProjectConfig = { rules: {} };

/**
 * The project configuration that applies to each document, read from disk at the edge and cached
 * per folder until a configuration file changes. A broken file is reported once, then ignored.
 */
export class ProjectConfigStore {
  private readonly byFolder = new Map<string, ProjectConfig>();
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  get(uri: string): ProjectConfig {
    if (!uri.startsWith('file:')) return EMPTY;
    const folder = path.dirname(fileURLToPath(uri));
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
    this.byFolder.set(folder, config);
    return config;
  }

  clear(): void {
    this.byFolder.clear();
    this.reported.clear();
  }
}
