import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type DockerfileStagesSettings } from '../../../common/settings';
import { describeError } from './run-safe';

/** Documents whose settings are kept; past it the oldest are asked for again when next needed. */
const MAX_DOCUMENTS_KEPT = 1024;

/**
 * Settings per document, asked of the client once and cached until they change (a closed file
 * opened again is not asked for again: that was a round trip to the client before its first
 * diagnostics). Without the client's configuration support the defaults apply.
 */
export class SettingsStore {
  private readonly cache = new Map<string, DockerfileStagesSettings>();
  private pending = new Map<string, Promise<DockerfileStagesSettings>>();
  private pulledFromClient = false;

  constructor(private readonly connection: Connection) {}

  enablePull(): void {
    this.pulledFromClient = true;
  }

  /** The cached settings, or null when they still have to be fetched. */
  peek(uri: string): DockerfileStagesSettings | null {
    if (!this.pulledFromClient) return DEFAULT_SETTINGS;
    return this.cache.get(uri) ?? null;
  }

  async get(uri: string): Promise<DockerfileStagesSettings> {
    const known = this.peek(uri);
    if (known) return known;
    let request = this.pending.get(uri);
    if (!request) {
      request = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, (error: unknown) => {
          this.connection.console.warn(`Could not read settings for ${uri}; using defaults. ${describeError(error)}`);
          return DEFAULT_SETTINGS;
        })
        .then((settings) => {
          this.cache.set(uri, settings);
          if (this.cache.size > MAX_DOCUMENTS_KEPT) this.cache.delete(this.cache.keys().next().value as string);
          this.pending.delete(uri);
          return settings;
        });
      this.pending.set(uri, request);
    }
    return request;
  }

  clear(): void {
    this.cache.clear();
    this.pending = new Map();
  }
}
