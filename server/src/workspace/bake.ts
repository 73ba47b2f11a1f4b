import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { computeLineStarts, lineAtOffset } from '../model/scanner';
import { readHcl, type HclAttribute, type HclBlock, type HclValue } from './hcl-reader';
import { basename, dirname, joinPath } from './paths';
import { optional } from './field-spans';
import type { FieldSpan, IndexProblem, TargetPurpose, TargetReference, WorkspaceFile } from './types';

/** docker-bake.hcl, docker-bake.json and their `.override` siblings. */
export function isBakeFile(path: string): boolean {
  return /^docker-bake(\.[\w-]+)*\.(hcl|json)$/i.test(basename(path));
}

/** A Bake target's fields as far as they can be evaluated; undefined = not set, null = unknown. */
interface TargetFields {
  dockerfile?: string | null;
  context?: string | null;
  target?: string | null;
  output?: (string | null)[] | null;
  tags?: boolean;
  contexts?: string[];
  inherits?: string[];
  targetField?: FieldSpan;
  dockerfileField?: FieldSpan;
  line: number;
  file: string;
}

const DEV_NAME = /^(dev|devel|develop|development|debug|shell|local|devcontainer)([-_].*)?$/i;

/**
 * Targets named by the Bake files of a workspace. Files in one folder are merged the way Bake
 * merges them (later files override), `inherits` is followed, and `variable` defaults are used.
 * `exists` says whether a workspace path is a file, to resolve a Dockerfile path the way Bake
 * does when it is run from the folder of the file or from the workspace root.
 */
export function bakeTargets(files: readonly WorkspaceFile[], exists: (path: string) => boolean): { references: TargetReference[]; problems: IndexProblem[] } {
  const references: TargetReference[] = [];
  const problems: IndexProblem[] = [];
  const byFolder = new Map<string, WorkspaceFile[]>();
  for (const file of files) {
    const list = byFolder.get(dirname(file.path)) ?? [];
    list.push(file);
    byFolder.set(dirname(file.path), list);
  }
  for (const [folder, list] of byFolder) {
    const targets = new Map<string, TargetFields>();
    const variables = new Map<string, string>();
    // Bake reads docker-bake.json before docker-bake.hcl, overrides last.
    const ordered = [...list].sort((a, b) => order(a.path) - order(b.path));
    for (const file of ordered) {
      try {
        const blocks = file.path.endsWith('.json') ? jsonBlocks(file.text) : readHcl(file.text);
        for (const block of blocks) collect(block, file, targets, variables);
      } catch (error) {
        problems.push({ file: file.path, message: `not read for build targets: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    for (const [name, own] of targets) {
      if (name.startsWith('_')) continue; // `_common`-style targets exist only to be inherited
      const fields = resolveInherits(name, targets, new Set());
      const context = fields.context === undefined ? '.' : fields.context;
      if (context === null || /^[a-z]+:\/\//i.test(context)) continue;
      const dockerfileName = fields.dockerfile === undefined ? 'Dockerfile' : fields.dockerfile;
      if (dockerfileName === null) continue;
      if (isPlaceholder(own)) continue;
      // Bake runs from the folder of the file or from the workspace root: take the one that exists.
      const contexts = [joinPath(folder, context), joinPath('', context)];
      const chosen = contexts.findIndex((c) => c !== null && exists(joinPath(c, dockerfileName) ?? '')) ;
      const contextPath = contexts[chosen < 0 ? 0 : chosen] ?? null;
      const dockerfile = contextPath === null ? null : joinPath(contextPath, dockerfileName);
      if (dockerfile === null) continue;
      references.push({
        dockerfile,
        target: fields.target ?? null,
        targetHasVariables: fields.target === null,
        context: contextPath,
        purpose: purposeOf(name, fields),
        source: { file: own.file, line: own.line, label: `target ${name}` },
        namedContexts: fields.contexts ?? [],
        ...optional('targetField', fields.targetField),
        ...optional('dockerfileField', fields.dockerfileField),
        dockerfileCertain: true,
      });
    }
  }
  return { references, problems };
}

/** A target with nothing but tags (metadata-action's `meta-helper`) only exists to be inherited. */
function isPlaceholder(fields: TargetFields): boolean {
  return fields.tags === true && fields.dockerfile === undefined && fields.context === undefined && fields.target === undefined && fields.output === undefined && (fields.inherits ?? []).length === 0;
}

function order(path: string): number {
  const name = basename(path).toLowerCase();
  return (name.includes('override') ? 2 : 0) + (name.endsWith('.hcl') ? 1 : 0);
}

/** Where a string attribute's text is written, inside its quotes; literal when it is the value as is. */
function stringSpan(attribute: HclAttribute, value: unknown, file: WorkspaceFile): FieldSpan | undefined {
  if (attribute.value.kind !== 'string' || typeof value !== 'string') return undefined;
  const start = attribute.valueStart + 1;
  const end = attribute.valueEnd - 1;
  if (file.text[attribute.valueStart] !== '"' || end < start) return undefined;
  return { file: file.path, start, end, literal: file.text.slice(start, end) === value };
}

function collect(block: HclBlock, workspaceFile: WorkspaceFile, targets: Map<string, TargetFields>, variables: Map<string, string>): void {
  const file = workspaceFile.path;
  const label = block.labels[0];
  if (block.type === 'variable' && label) {
    const value = block.attributes.get('default')?.value;
    if (value) {
      const text = evaluate(value, variables);
      if (typeof text === 'string') variables.set(label, text);
    }
    return;
  }
  if (block.type !== 'target' || !label) return;
  const fields: TargetFields = { ...(targets.get(label) ?? {}), line: targets.get(label)?.line ?? block.line, file: targets.get(label)?.file ?? file };
  for (const [name, attribute] of block.attributes) {
    const value = evaluate(attribute.value, variables);
    if (name === 'dockerfile' || name === 'context') {
      fields[name] = typeof value === 'string' ? value : null;
      const span = stringSpan(attribute, value, workspaceFile);
      if (span && (name === 'dockerfile' || !block.attributes.has('dockerfile'))) fields.dockerfileField = span;
    } else if (name === 'target') {
      fields.target = typeof value === 'string' ? value : null;
      fields.line = attribute.line;
      fields.file = file;
      const span = stringSpan(attribute, value, workspaceFile);
      if (span) fields.targetField = span;
      else delete fields.targetField;
    } else if (name === 'output') fields.output = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
    else if (name === 'tags') fields.tags = true;
    else if (name === 'contexts') fields.contexts = mapKeys(attribute.value);
    else if (name === 'inherits') fields.inherits = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }
  targets.set(label, fields);
}

/** The keys of an HCL map (`{ templates = "../templates" }`) or a JSON object. */
function mapKeys(value: HclValue): string[] {
  const text = value.kind === 'other' ? value.text : '';
  return [...text.matchAll(/(?:^|[{,\s])"?([A-Za-z_][\w.-]*)"?\s*[=:]/g)].map((m) => m[1] as string);
}

function resolveInherits(name: string, targets: ReadonlyMap<string, TargetFields>, seen: Set<string>): TargetFields {
  const own = targets.get(name);
  if (!own || seen.has(name)) return own ?? { line: 0, file: '' };
  seen.add(name);
  let merged: TargetFields = { line: own.line, file: own.file };
  for (const parent of own.inherits ?? []) merged = { ...merged, ...withoutPosition(resolveInherits(parent, targets, seen)) };
  return { ...merged, ...withoutPosition(own), line: own.line, file: own.file };
}

function withoutPosition(fields: TargetFields): Partial<TargetFields> {
  const { line: _line, file: _file, ...rest } = fields;
  return rest;
}

/** A string, a list of strings (unknown items null), or null when it cannot be evaluated. */
function evaluate(value: HclValue, variables: ReadonlyMap<string, string>): string | (string | null)[] | null {
  switch (value.kind) {
    case 'string': {
      let text = '';
      for (const part of value.parts) {
        if ('text' in part) text += part.text;
        else {
          const known = variables.get(part.interpolation);
          if (known === undefined) return null;
          text += known;
        }
      }
      return text;
    }
    case 'ref':
      return variables.get(value.name) ?? null;
    case 'list':
      return value.items.map((item) => {
        const v = evaluate(item, variables);
        return typeof v === 'string' ? v : null;
      });
    default:
      return null;
  }
}

function purposeOf(name: string, fields: TargetFields): TargetPurpose {
  const outputs = fields.output;
  if (outputs && outputs.length > 0) {
    const known = outputs.filter((o): o is string => o !== null);
    if (known.some((o) => /type=cacheonly/.test(o))) return 'test';
    if (known.some((o) => /type=(registry|image)/.test(o) || /push=true/.test(o))) return 'ship';
    if (known.some((o) => /type=docker/.test(o))) return DEV_NAME.test(name) ? 'dev' : 'build';
    if (known.some((o) => /type=(local|tar|oci)/.test(o) || !o.includes('type='))) return 'export';
  }
  if (DEV_NAME.test(name)) return 'dev';
  return fields.tags ? 'ship' : 'build';
}

/** docker-bake.json: `{ "target": { "name": { … } }, "group": …, "variable": … }` as blocks, with their places. */
function jsonBlocks(text: string): HclBlock[] {
  const data = JSON.parse(text) as Record<string, unknown>;
  const tree = parseTree(text);
  const lineStarts = computeLineStarts(text);
  const lineOf = (offset: number): number => lineAtOffset(lineStarts, offset);
  const blocks: HclBlock[] = [];
  for (const type of ['variable', 'target'] as const) {
    const section = data[type];
    const sectionNode = propertyValue(tree, type);
    if (typeof section !== 'object' || section === null) continue;
    for (const [label, body] of Object.entries(section as Record<string, unknown>)) {
      if (typeof body !== 'object' || body === null) continue;
      const bodyNode = propertyValue(sectionNode, label);
      const attributes = new Map<string, HclAttribute>(
        Object.entries(body as Record<string, unknown>).map(([name, v]) => {
          const node = propertyValue(bodyNode, name);
          const valueStart = node?.offset ?? 0;
          return [name, { name, value: jsonValue(v), line: lineOf(valueStart), valueStart, valueEnd: valueStart + (node?.length ?? 0) }] as const;
        }),
      );
      blocks.push({ type, labels: [label], attributes, line: bodyNode ? lineOf(bodyNode.offset) : 0 });
    }
  }
  return blocks;
}

/** The value node of an object's property (the last one, as JSON.parse keeps). */
function propertyValue(object: JsonNode | undefined, key: string): JsonNode | undefined {
  const property = object?.type === 'object' ? object.children?.filter((child) => child.children?.[0]?.value === key).pop() : undefined;
  return property?.children?.[1];
}

function jsonValue(value: unknown): HclValue {
  if (typeof value === 'string') return { kind: 'string', parts: [{ text: value }] };
  if (Array.isArray(value)) return { kind: 'list', items: value.map(jsonValue) };
  return { kind: 'other', text: JSON.stringify(value) };
}
