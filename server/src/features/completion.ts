import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { lineText, stageAtLine } from '../model/queries';
import { stageLabel } from '../model/stage-names';
import type { DockerfileModel, Stage } from '../model/types';
import { baseImageLabel, fromLineText } from './stage-text';

type StageContext = { readonly kind: 'copy-from' | 'mount-from' | 'from'; readonly replace: Range };

const COPY_FROM = /(?:^|\s)--from=([^\s]*)$/i;
const MOUNT_FROM = /--mount=(?:[^\s]*,)?from=([^,\s]*)$/i;
const FROM_IMAGE = /^\s*FROM\s+(?:--\S+\s+)*([^\s-][^\s]*|)$/i;

/**
 * Stage names where a stage may be named: after `COPY --from=`, in `RUN --mount=…,from=` and
 * after `FROM `. Only stages defined before the current one are offered, since BuildKit cannot
 * use the current or a later stage there.
 */
export function completeStages(model: DockerfileModel, position: Position): CompletionItem[] {
  const line = lineText(model, position.line);
  const context = findContext(line, position);
  if (!context) return [];
  const current = stageAtLine(model, position.line);
  const earlier = current ? model.stages.slice(0, current.index) : [];
  const items: CompletionItem[] = [];
  for (const stage of earlier) {
    if (stage.name !== null) items.push(stageNameItem(model, stage, context.replace));
    if (context.kind !== 'from') items.push(stageIndexItem(model, stage, context.replace));
  }
  if (context.kind === 'from') items.push(...imageItems(model, current, context.replace));
  return items;
}

function findContext(line: string, position: Position): StageContext | null {
  const before = line.slice(0, position.character);
  let after = position.character;
  while (after < line.length && !/[\s,]/.test(line[after] as string)) after++;
  const replaceFrom = (typed: string): Range => ({
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: after },
  });
  const mount = MOUNT_FROM.exec(before);
  if (mount) return { kind: 'mount-from', replace: replaceFrom(mount[1] as string) };
  const copy = COPY_FROM.exec(before);
  if (copy) return { kind: 'copy-from', replace: replaceFrom(copy[1] as string) };
  const from = FROM_IMAGE.exec(before);
  if (from) return { kind: 'from', replace: replaceFrom(from[1] as string) };
  return null;
}

/** Later stages first: a stage most often uses the one just before it. */
function sortKey(group: number, stage: Stage): string {
  return `${group}${String(1_000_000 - stage.index).padStart(7, '0')}`;
}

function stageDocumentation(model: DockerfileModel, stage: Stage): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value: ['```dockerfile', fromLineText(model, stage), '```'].join('\n') };
}

function stageNameItem(model: DockerfileModel, stage: Stage, replace: Range): CompletionItem {
  const name = stage.name as string;
  return {
    label: name,
    kind: CompletionItemKind.Reference,
    detail: baseImageLabel(stage),
    labelDetails: { description: `stage #${stage.index}` },
    documentation: stageDocumentation(model, stage),
    sortText: sortKey(0, stage),
    filterText: name,
    textEdit: { range: replace, newText: name },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

function stageIndexItem(model: DockerfileModel, stage: Stage, replace: Range): CompletionItem {
  const label = String(stage.index);
  return {
    label,
    kind: CompletionItemKind.Value,
    detail: `stage ${stageLabel(stage)}: ${baseImageLabel(stage)}`,
    documentation: stageDocumentation(model, stage),
    sortText: sortKey(stage.name === null ? 0 : 1, stage),
    filterText: label,
    textEdit: { range: replace, newText: label },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

/** The external base images already used in the file, each once. */
function imageItems(model: DockerfileModel, current: Stage | null, replace: Range): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const stage of model.stages) {
    const image = stage.baseImage;
    // The line being typed is the current stage's FROM: its half-typed image is no suggestion.
    if (stage === current) continue;
    if (!image || image.text === '' || seen.has(image.text)) continue;
    if (model.stageIndexByName.has(image.text.toLowerCase())) continue;
    seen.add(image.text);
    items.push({
      label: image.text,
      kind: CompletionItemKind.Module,
      detail: `base image of stage ${stageLabel(stage)}`,
      sortText: `2${image.text}`,
      filterText: image.text,
      textEdit: { range: replace, newText: image.text },
      insertTextFormat: InsertTextFormat.PlainText,
    });
  }
  return items;
}
