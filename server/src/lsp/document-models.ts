import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelBuilder, SharedChunks } from '../model/model-builder';
import type { DockerfileModel } from '../model/types';

interface Entry {
  readonly builder: ModelBuilder;
  version: number;
  model: DockerfileModel | null;
}

/** One model per open document and version; features ask here and never parse themselves. */
export class DocumentModels {
  private readonly entries = new Map<string, Entry>();
  /** The same text open under two URIs (a diff, a re-open) is parsed and held once. */
  private readonly shared = new SharedChunks();

  get(document: TextDocument): DockerfileModel {
    let entry = this.entries.get(document.uri);
    if (!entry) {
      entry = { builder: new ModelBuilder(this.shared), version: -1, model: null };
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
    if (entry) this.shared.release(entry.builder);
    this.entries.delete(uri);
  }
}
