import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { instructionAtLine, lineText } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import type { CompletionResult } from './completion';
import { FLAG_VALUES, FLAGS, MOUNT_OPTION_VALUES, MOUNT_OPTIONS, MOUNT_TYPES, REPEATABLE_FLAGS } from './flag-docs';

/** Flags that are switches: they need no `=value`. */
const SWITCHES = new Set(['link', 'parents', 'keep-git-dir']);
const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/**
 * Flags of the instruction being written (`COPY --ch|`), the values of `--network` and
 * `--security`, and the options of `RUN --mount=` with the values of `type=` and `sharing=`.
 * Stage names after `from=` are the stage completion's.
 */
export function completeFlags(model: DockerfileModel, position: Position): CompletionResult | null {
  if (position.line >= model.lineStarts.length) return null;
  const before = lineText(model, position.line).slice(0, position.character);
  const keyword = keywordAt(model, position.line, before);
  if (!keyword || !FLAGS[keyword]) return null;
  const at = (typed: string): Range => ({ start: { line: position.line, character: position.character - typed.length }, end: position });

  const mount = /(?:^|\s)--mount=(\S*)$/i.exec(before);
  if (keyword === 'RUN' && mount) return mountOptions(mount[1] as string, at);

  const value = /(?:^|\s)--(network|security)=([a-z]*)$/i.exec(before);
  if (value) {
    const values = FLAG_VALUES[(value[1] as string).toLowerCase()] ?? [];
    return { replace: at(value[2] as string), items: values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember })) };
  }

  // A flag name, while only flags have been written since the keyword.
  const flag = /^\s*(?:[A-Za-z]+\s+)?(?:--\S+\s+)*(--?[a-z-]*)$/i.exec(before);
  if (!flag || (!/^\s*--/.test(before) && !new RegExp(`^\\s*${keyword}\\s`, 'i').test(before))) return null;
  const written = new Set([...before.matchAll(/--([a-z-]+)/gi)].map((m) => (m[1] as string).toLowerCase()));
  const items: CompletionItem[] = Object.entries(FLAGS[keyword] ?? {})
    .filter(([name]) => REPEATABLE_FLAGS.has(name) || !written.has(name) || `--${name}` === flag[1])
    .map(([name, doc]) => ({
      label: `--${name}`,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: doc },
      insertText: SWITCHES.has(name) ? `--${name}` : `--${name}=`,
      ...(SWITCHES.has(name) ? {} : { command: SUGGEST_AGAIN }),
    }));
  return { replace: at(flag[1] as string), items };
}

function mountOptions(value: string, at: (typed: string) => Range): CompletionResult | null {
  const parts = value.split(',');
  const current = parts[parts.length - 1] as string;
  const type = /(?:^|,)type=([a-z]+)/.exec(value)?.[1] ?? 'bind';
  const equals = current.indexOf('=');
  if (equals >= 0) {
    const key = current.slice(0, equals);
    const typed = current.slice(equals + 1);
    if (key === 'type') {
      return { replace: at(typed), items: Object.entries(MOUNT_TYPES).map(([name, doc]) => ({ label: name, kind: CompletionItemKind.EnumMember, documentation: doc })) };
    }
    const values = MOUNT_OPTION_VALUES[key];
    return values ? { replace: at(typed), items: values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember })) } : null;
  }
  const present = new Set(parts.slice(0, -1).map((part) => part.split('=')[0]));
  const options = present.has('type') ? Object.entries(MOUNT_OPTIONS[type] ?? {}) : [['type', 'The kind of mount: bind (default), cache, secret, ssh or tmpfs.'] as [string, string]];
  const items: CompletionItem[] = options
    .filter(([name]) => !present.has(name))
    .map(([name, doc], order) => ({
      label: name,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: doc },
      insertText: `${name}=`,
      insertTextFormat: InsertTextFormat.PlainText,
      sortText: String(order).padStart(2, '0'),
      command: SUGGEST_AGAIN,
    }));
  return { replace: at(current), items };
}

/** The keyword of the instruction the line belongs to (it may continue one from above). */
function keywordAt(model: DockerfileModel, line: number, before: string): string | null {
  const containing = instructionAtLine(model, line);
  if (containing && containing.range.start.line < line) return containing.keyword;
  return /^\s*([A-Za-z]+)\s/.exec(before)?.[1]?.toUpperCase() ?? null;
}
