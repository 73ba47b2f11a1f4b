import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { BoundedCache } from '../support/bounded-cache';
import type { FieldSpan } from './types';

/** A parsed YAML file with what the readers need: plain values and the line of any node. */
export interface YamlFile {
  readonly doc: Document;
  /** 0-based line of the node at a path, or of the closest parent that exists. */
  lineOf(path: readonly (string | number)[]): number;
  /** 0-based line of an offset of the text. */
  lineAt(offset: number): number;
  /**
   * Where the scalar at a path is written (inside its quotes), or null when there is none. A key
   * with no value yet (`target:`) gives an empty span where its value goes.
   */
  spanOf(path: readonly (string | number)[], file: string): FieldSpan | null;
}

const parsedYaml = new BoundedCache<YamlFile | string>();

/** Parses YAML (once per text); returns the first error's message instead of throwing. */
export function readYaml(text: string): YamlFile | string {
  return parsedYaml.get(text, parseYaml);
}

function parseYaml(text: string): YamlFile | string {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // Compose files share settings through `<<: *anchor` merge keys (YAML 1.1's, which Compose reads).
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (doc.errors.length > 0) return (doc.errors[0]?.message ?? 'not valid YAML').split('\n')[0] ?? 'not valid YAML';
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line - 1;
  return {
    doc,
    lineAt,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
        const offset = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
        if (offset !== undefined) return lineAt(offset);
      }
      return 0;
    },
    spanOf(path, file) {
      const node = doc.getIn(path, true) as Node | undefined;
      if (!isScalar(node) || !node.range) return null;
      const [start, end] = node.range;
      // `target:` being typed: the value goes where YAML would read it, after the blanks.
      if (node.value === null && start === end) return { file, start, end, literal: true };
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      const inner = quoted ? { start: start + 1, end: end - 1 } : { start, end };
      if (node.type !== Scalar.PLAIN && !quoted) return { file, ...inner, literal: false };
      return { file, ...inner, literal: text.slice(inner.start, inner.end) === String(node.value ?? '') };
    },
  };
}

/** The plain value at a path: a string, a number, a map or a list (as JavaScript), or undefined. */
export function valueAt(file: YamlFile, path: readonly (string | number)[]): unknown {
  const node = file.doc.getIn(path, true);
  if (node === undefined || node === null) return undefined;
  if (isScalar(node)) return node.value;
  return plainNode(file, node);
}

/**
 * A map or list node as JavaScript, its aliases and `<<` merges resolved against the document
 * (a node alone cannot resolve them); undefined for a merge of something that is not a map.
 */
export function plainNode(file: YamlFile, node: unknown): unknown {
  if (!isMap(node) && !isSeq(node)) return undefined;
  try {
    return node.toJS(file.doc);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as a string (numbers too), or null. */
export function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * Compose-style interpolation with defaults: `${VAR:-x}` and `${VAR-x}` give `x`; a value still
 * holding a variable is reported as such.
 */
export function interpolateDefaults(value: string): { value: string; hasVariables: boolean } {
  const replaced = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*):?-([^}]*)\}/g, (_, _name: string, fallback: string) => fallback);
  return { value: replaced, hasVariables: /\$\{?[A-Za-z_]/.test(replaced) || replaced.includes('$(') };
}
