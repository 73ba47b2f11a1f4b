import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelBuilder, SharedChunks } from '../model/model-builder';
import type { DockerfileModel } from '../model/types';

interface Entry {
  readonly builder: ModelBuilder;
  version: number;
  model: DockerfileModel | null;
}

/** Closed documents whose model is kept for their text, the latest last. */
const MAX_CLOSED_KEPT = 16;

/** One model per open document and version; features ask here and never parse themselves. */
export class DocumentModels {
  private readonly entries = new Map<string, Entry>();
  /** The same text open under two URIs (a diff, a re-open) is parsed and held once. */
  private readonly shared = new SharedChunks();
  /**
   * The models of the last documents closed, by text: a file closed and opened again (a tab
   * closed by mistake, a peek, a language mode switched) gets its model back, and its builder,
   * so that its next edit is parsed incrementally as before.
   */
  private readonly closed = new Map<string, { builder: ModelBuilder; model: DockerfileModel }>();

  get(document: TextDocument): DockerfileModel {
    let entry = this.entries.get(document.uri);
    if (!entry) {
      const reopened = this.closed.get(document.getText());
      if (reopened) this.closed.delete(reopened.model.text);
      entry = reopened ? { builder: reopened.builder, version: document.version, model: reopened.model } : { builder: new ModelBuilder(this.shared), version: -1, model: null };
      this.entries.set(document.uri, entry);
    }
    if (entry.model === null || entry.version !== document.version) {
      entry.model = entry.builder.build(document.getText());
      entry.version = document.version;
    }
    return entry.model;
  }

  delete(uri: string): void {
    const entry = this.entries.get(uri);
    this.entries.delete(uri);
    if (!entry) return;
    if (!entry.model) {
      this.shared.release(entry.builder);
      return;
    }
    const earlier = this.closed.get(entry.model.text);
    if (earlier) this.shared.release(earlier.builder);
    this.closed.delete(entry.model.text);
    this.closed.set(entry.model.text, { builder: entry.builder, model: entry.model });
    if (this.closed.size > MAX_CLOSED_KEPT) {
      const [oldest, kept] = this.closed.entries().next().value as [string, { builder: ModelBuilder }];
      this.closed.delete(oldest);
      this.shared.release(kept.builder);
    }
  }
}
