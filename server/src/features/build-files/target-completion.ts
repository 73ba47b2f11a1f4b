import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { baseImageLabel, fromLineText, roleText } from '../stage-text';
import { referencesAtOffset, type BuildFileDocument } from './build-file';

/** Stage names offered at a target field, replacing what is written there (offsets of the file). */
export interface TargetCompletion {
  readonly start: number;
  readonly end: number;
  readonly items: CompletionItem[];
}

/**
 * At the field that names a build target (compose `build.target`, Bake `target`, a workflow's
 * `with.target`, a dev container's `build.target`): the named stages of the Dockerfile that field
 * builds, with base image and role. A Bake field that several targets inherit offers the stages of
 * each of their Dockerfiles, saying which Dockerfile has each.
 */
export function completeTarget(document: BuildFileDocument, offset: number): TargetCompletion | null {
  const references = referencesAtOffset(document, offset);
  const field = references[0]?.targetField;
  if (!field || !field.literal) return null;
  const items = new Map<string, CompletionItem>();
  const dockerfiles = [...new Set(references.map((reference) => reference.dockerfile))];
  for (const path of dockerfiles) {
    const built = document.dockerfile(path);
    if (!built) continue;
    for (const stage of built.model.stages) {
      if (stage.name === null) continue;
      const key = stage.name.toLowerCase();
      const role = built.shipping.roles[stage.index]?.role ?? 'base';
      const existing = items.get(key);
      if (existing) {
        items.set(key, { ...existing, detail: `${existing.detail ?? ''}; ${path}` });
        continue;
      }
      items.set(key, {
        label: stage.name,
        kind: CompletionItemKind.Reference,
        detail: `${baseImageLabel(stage)} · ${role}${dockerfiles.length > 1 ? ` · ${path}` : ''}`,
        documentation: {
          kind: MarkupKind.Markdown,
          value: [`\`${path}\` line ${stage.from.range.start.line + 1}:`, '```dockerfile', fromLineText(built.model, stage), '```', roleText(built.shipping, stage)].filter((l) => l !== '').join('\n'),
        },
        // Later stages first: the stage a build names is most often the last or a runtime one.
        sortText: String(9999 - stage.index).padStart(4, '0'),
      });
    }
  }
  if (items.size === 0) return null;
  // A value typed right after the colon (`target:|`) needs its blank.
  const glued = document.text[field.start - 1] === ':' && field.start === field.end;
  const list = [...items.values()].map((item) => (glued ? { ...item, insertText: ` ${item.label}`, filterText: item.label } : item));
  return { start: field.start, end: field.end, items: list };
}
