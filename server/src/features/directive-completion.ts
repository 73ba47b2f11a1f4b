import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { lineText } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import type { CompletionResult } from './completion';

const DIRECTIVES: readonly { name: string; snippet: string; doc: string }[] = [
  { name: 'syntax', snippet: 'syntax=docker/dockerfile:${1:1}', doc: 'The Dockerfile frontend BuildKit uses; `docker/dockerfile:1` follows the latest stable syntax.' },
  { name: 'escape', snippet: 'escape=${1|`,\\\\|}', doc: 'The escape character: a backtick suits Windows paths.' },
  { name: 'check', snippet: 'check=${1|skip=,error=true,skip=all|}', doc: 'Configures the build checks: `skip=<Check>,…`, `error=true` to fail the build on a warning.' },
];

/**
 * Parser directives, on a `#` line at the top of the file where BuildKit still reads them: before
 * any instruction, blank line or ordinary comment. Each directive at most once.
 */
export function completeDirectives(model: DockerfileModel, position: Position): CompletionResult | null {
  if (position.line >= model.lineStarts.length) return null;
  const typed = /^#\s*([a-z]*)$/i.exec(lineText(model, position.line).slice(0, position.character));
  if (!typed) return null;
  const present = new Set(model.directives.map((directive) => directive.name));
  for (let line = 0; line < position.line; line++) {
    if (!model.directives.some((directive) => directive.range.start.line === line)) return null;
  }
  const word = typed[1] as string;
  const replace = { start: { line: position.line, character: position.character - word.length }, end: position };
  const items: CompletionItem[] = DIRECTIVES.filter((directive) => !present.has(directive.name)).map((directive) => ({
    label: directive.name,
    kind: CompletionItemKind.Keyword,
    detail: directive.doc,
    insertText: directive.snippet,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
  return { replace, items };
}
