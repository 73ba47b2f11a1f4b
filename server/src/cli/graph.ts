import { stageLabel as labelOf } from '../../../common/protocol';
import type { DockerfileModel } from '../model/types';
import type { GraphFormat } from './args';

type Node = { readonly stage: number } | { readonly image: string };

export interface StageGraph {
  readonly stages: { index: number; name: string | null; baseImage: string | null; line: number }[];
  readonly images: string[];
  readonly edges: { from: Node; to: number; kind: 'from' | 'copy-from' | 'mount-from'; line: number }[];
}

/** Stages, the external images they use, and the edges between them (FROM, COPY --from, mount from=). */
export function stageGraph(model: DockerfileModel): StageGraph {
  const images: string[] = [];
  const image = (text: string): Node => {
    if (!images.includes(text)) images.push(text);
    return { image: text };
  };
  const edges: StageGraph['edges'] = [];
  const stageBases = new Set(model.references.filter((r) => r.kind === 'from').map((r) => r.fromStage));
  for (const stage of model.stages) {
    if (stage.baseImage && !stageBases.has(stage.index)) {
      edges.push({ from: image(stage.baseImage.text), to: stage.index, kind: 'from', line: stage.from.range.start.line + 1 });
    }
  }
  for (const reference of model.references) {
    const r = reference.resolution;
    const from: Node = r.kind === 'stage' || r.kind === 'forward' || r.kind === 'self' ? { stage: r.stage } : image(reference.text);
    edges.push({ from, to: reference.fromStage, kind: reference.kind, line: reference.range.start.line + 1 });
  }
  edges.sort((a, b) => a.line - b.line);
  return {
    stages: model.stages.map((s) => ({ index: s.index, name: s.name, baseImage: s.baseImage?.text ?? null, line: s.from.range.start.line + 1 })),
    images,
    edges,
  };
}

const LABELS = { from: 'FROM', 'copy-from': 'COPY --from', 'mount-from': 'RUN --mount from' } as const;

export function formatGraph(graph: StageGraph, format: GraphFormat): string {
  if (format === 'json') return `${JSON.stringify(graph, null, 2)}\n`;
  const id = (node: Node) => ('stage' in node ? `s${node.stage}` : `i${graph.images.indexOf(node.image)}`);
  const stageLabel = (s: StageGraph['stages'][number]) => labelOf({ name: s.name, index: s.index, baseImage: null });
  if (format === 'dot') {
    const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return [
      'digraph stages {',
      '  rankdir=LR;',
      ...graph.images.map((text, i) => `  i${i} [shape=box, style=dashed, label=${quote(text)}];`),
      ...graph.stages.map((s) => `  s${s.index} [shape=box, style=rounded, label=${quote(stageLabel(s))}];`),
      ...graph.edges.map((e) => `  ${id(e.from)} -> s${e.to} [label=${quote(LABELS[e.kind])}];`),
      '}',
      '',
    ].join('\n');
  }
  const mermaidText = (s: string) => s.replace(/"/g, '#quot;');
  return [
    'flowchart LR',
    ...graph.images.map((text, i) => `  i${i}[/"${mermaidText(text)}"/]`),
    ...graph.stages.map((s) => `  s${s.index}["${mermaidText(stageLabel(s))}"]`),
    ...graph.edges.map((e) => `  ${id(e.from)} -->|${LABELS[e.kind]}| s${e.to}`),
    '',
  ].join('\n');
}
