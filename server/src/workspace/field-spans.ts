import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { computeLineStarts, lineEndOffset } from '../model/scanner';
import type { FieldSpan } from './types';

/** `{ key: value }` when the value is there, else nothing: optional fields stay absent, not undefined. */
export function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Where the JSON string at a path is written (inside its quotes); null when it is not a string. */
export function jsonStringSpan(tree: JsonNode | undefined, path: readonly (string | number)[], text: string, file: string): FieldSpan | null {
  const node = tree ? findNodeAtLocation(tree, [...path]) : undefined;
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return null;
  const start = node.offset + 1;
  const end = node.offset + node.length - 1;
  return { file, start, end, literal: text.slice(start, end) === node.value };
}

/**
 * Where a script's `docker build` names its target: the `--target` value on the command's lines
 * (a command may continue over several lines with `\`). Null when it is not written plainly.
 */
export function scriptTargetSpan(text: string, line: number, target: string, file: string): FieldSpan | null {
  const lineStarts = computeLineStarts(text);
  let offset = lineStarts[line];
  if (offset === undefined) return null;
  const pattern = /--target(?:=|[ \t]+)(["']?)([A-Za-z0-9_.-]+)\1(?=$|[\s;&|)])/gm;
  for (let current = line; ; current++) {
    const lineText = text.slice(offset, lineEndOffset(text, lineStarts, current));
    for (const match of lineText.matchAll(pattern)) {
      if (match[2]?.toLowerCase() !== target.toLowerCase()) continue;
      const start = offset + (match.index ?? 0) + match[0].length - (match[1]?.length ?? 0) - (match[2]?.length ?? 0);
      return { file, start, end: start + (match[2]?.length ?? 0), literal: true };
    }
    // The command goes on when the line ends with a backslash.
    const next = lineStarts[current + 1];
    if (next === undefined || !/\\$/.test(lineText)) return null;
    offset = next;
  }
}
