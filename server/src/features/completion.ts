import {
  CompletionItemKind,
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

/** Completion items that all replace the same range: the word being typed. */
export interface CompletionResult {
  readonly replace: Range;
  /** Without edits: each replaces `replace` with its label. */
  readonly items: CompletionItem[];
  /** More would match: the client asks again as the user types. */
  readonly isIncomplete?: boolean;
}

/** Stages offered at once; further back, only those whose name matches what was typed. */
const MAX_STAGE_ITEMS = 100;

/**
 * Stage names where a stage may be named: after `COPY --from=`, in `RUN --mount=…,from=` and
 * after `FROM `. Only stages defined before the current one are offered, since BuildKit cannot
 * use the current or a later stage there. A named stage is offered by name only (its index is
 * what `stage-ref-numeric` warns about); an unnamed one by its index. Items are kept lean, since
 * a large file offers thousands: the `FROM` line comes with `resolveStageItem`.
 */
export function completeStages(model: DockerfileModel, position: Position): CompletionResult | null {
  const line = lineText(model, position.line);
  const context = findContext(line, position);
  if (!context) return null;
  const current = stageAtLine(model, position.line);
  const earlier = current ? model.stages.slice(0, current.index) : [];
  const width = String(model.stages.length).length;
  const typed = line.slice(context.replace.start.character, position.character).toLowerCase();
  const items: CompletionItem[] = [];
  let leftOut = false;
  // Nearest first; a file with hundreds of stages gets the nearest ones and the matches further back.
  for (let i = earlier.length - 1; i >= 0; i--) {
    const stage = earlier[i] as Stage;
    const label = stage.name ?? (context.kind !== 'from' ? String(stage.index) : null);
    if (label === null) continue;
    if (items.length >= MAX_STAGE_ITEMS && (typed === '' || !label.toLowerCase().includes(typed))) {
      leftOut = true;
      continue;
    }
    items.push(stage.name !== null ? stageNameItem(stage, width) : stageIndexItem(stage, width));
  }
  if (context.kind === 'from') items.push(...imageItems(model, current));
  return { replace: context.replace, items, ...(leftOut ? { isIncomplete: true } : {}) };
}

/** Adds the stage's `FROM` line to an item offered by `completeStages`, when it still names a stage. */
export function resolveStageItem(model: DockerfileModel, item: CompletionItem): CompletionItem {
  if (item.kind !== CompletionItemKind.Reference && item.kind !== CompletionItemKind.Value) return item;
  const index = item.kind === CompletionItemKind.Value ? Number(item.label) : model.stageIndexByName.get(item.label.toLowerCase());
  const stage = index === undefined ? undefined : model.stages[index];
  return stage ? { ...item, documentation: stageDocumentation(model, stage) } : item;
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
function sortKey(stage: Stage, width: number): string {
  return `0${String(10 ** width - stage.index).padStart(width + 1, '0')}`;
}

function stageDocumentation(model: DockerfileModel, stage: Stage): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value: ['```dockerfile', fromLineText(model, stage), '```'].join('\n') };
}

function stageNameItem(stage: Stage, width: number): CompletionItem {
  return {
    label: stage.name as string,
    kind: CompletionItemKind.Reference,
    detail: baseImageLabel(stage),
    labelDetails: { description: `stage ${stage.index + 1}` },
    sortText: sortKey(stage, width),
  };
}

function stageIndexItem(stage: Stage, width: number): CompletionItem {
  return {
    label: String(stage.index),
    kind: CompletionItemKind.Value,
    // An unnamed stage is taken by its index (`--from=1`); it reads as `stage 2 (alpine:3.20)`.
    detail: stageLabel(stage),
    sortText: sortKey(stage, width),
  };
}

/** The external base images already used in the file, each once. */
function imageItems(model: DockerfileModel, current: Stage | null): CompletionItem[] {
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
      detail: `base image of ${stage.name ? `stage ${stage.name}` : stageLabel(stage)}`,
      sortText: `2${image.text}`,
    });
  }
  return items;
}
