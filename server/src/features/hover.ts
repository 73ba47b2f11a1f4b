import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { LintResult, Problem } from '../engine/lint';
import { rangeContains } from '../model/positions';
import { symbolAt } from '../model/queries';
import { RULES_BY_ID } from '../rules/index';
import { stageLabel } from '../model/stage-names';
import type { DockerfileModel, ImageReference, Stage, StageReference } from '../model/types';
import { instructionHover } from './instruction-hover';
import { variableHover } from './variable-hover';
import { parseImageReference } from '../model/image-reference';
import { expandIfKnown, expandInScope } from '../model/variable-scope';
import type { SourcedFacts } from '../images/image-facts';
import { imageFactLines } from './image-facts-text';
import { stageByDefaults } from '../model/variable-references';
import { describeImage, fromLineText, roleText, usersOf } from './stage-text';
import type { Shipping } from '../model/shipping';

/** What hover needs to explain the problems under the cursor. */
export interface ProblemContext {
  readonly problems: readonly Problem[];
  /** Problems silenced by suppression comments, to explain those comments. */
  readonly suppressed?: LintResult['suppressed'];
  /** Base URI of the rule pages (`<base>/<rule-id>.md`). */
  readonly docsBaseUri: string;
  /** What ships and what each stage is for, as the diagnostics see it. */
  readonly shipping?: Shipping;
  /** What is known of base images, and a link that looks them up (null when look-ups are off). */
  readonly images?: { readonly facts: (image: string) => SourcedFacts | null; readonly lookUpLink: string | null };
}

/**
 * Hover on a stage name or reference shows the stage; on an image, how Docker reads it; on a
 * problem, what its rule is about and where its page is.
 */
export function hover(model: DockerfileModel, position: Position, context?: ProblemContext): Hover | null {
  const card = variableHover(model, position) ?? symbolHover(model, position, context?.shipping, context?.images) ?? withRole(model, position, instructionHover(model, position), context?.shipping);
  const notes = context ? [...problemNotes(context, position), ...suppressionNotes(context, position)] : [];
  if (notes.length === 0) return card;
  const lines = card && typeof card.contents === 'object' && 'value' in card.contents ? [card.contents.value, '', '---', ''] : [];
  return { contents: { kind: MarkupKind.Markdown, value: [...lines, ...notes].join('\n') }, ...(card?.range ? { range: card.range } : {}) };
}

function symbolHover(model: DockerfileModel, position: Position, shipping: Shipping | undefined, images: ProblemContext['images']): Hover | null {
  const symbol = symbolAt(model, position);
  if (!symbol) return null;
  switch (symbol.kind) {
    case 'declaration':
      return markdown(stageCard(model, symbol.stage, shipping), symbol.stage.nameRange ?? symbol.stage.from.keywordRange);
    case 'base-image':
      return markdown([...imageCard(symbol.image, 'Base image', model), ...factsCard(model, symbol.image, images)], symbol.image.range);
    case 'reference':
      return markdown(referenceCard(model, symbol.reference, symbol.target, shipping), symbol.reference.range);
  }
}

/** On the FROM keyword, the stage's role comes before the instruction's documentation. */
function withRole(model: DockerfileModel, position: Position, card: Hover | null, shipping: Shipping | undefined): Hover | null {
  const stage = shipping ? model.stages.find((s) => rangeContains(s.from.keywordRange, position)) : undefined;
  const role = stage && shipping ? roleText(shipping, stage) : '';
  if (!card || !role) return card;
  const value = typeof card.contents === 'object' && 'value' in card.contents ? card.contents.value : '';
  return { ...card, contents: { kind: MarkupKind.Markdown, value: `${role}\n\n---\n\n${value}` } };
}

/** On a suppression comment: what it silences, and the reason it gives. */
function suppressionNotes(context: ProblemContext, position: Position): string[] {
  const silenced = (context.suppressed ?? []).filter((entry) => entry.by.line === position.line);
  if (silenced.length === 0) return [];
  const reason = silenced.find((entry) => entry.by.reason)?.by.reason;
  return [
    `Silences ${silenced.map((entry) => `**${entry.problem.ruleId}** on line ${entry.problem.range.start.line + 1}`).join(', ')}.`,
    ...(reason ? [`Reason: ${reason}`] : []),
  ];
}

/** One line per rule with a problem under the cursor: its id, summary and page. */
function problemNotes(context: ProblemContext, position: Position): string[] {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const problem of context.problems) {
    if (seen.has(problem.ruleId) || !rangeContains(problem.range, position)) continue;
    seen.add(problem.ruleId);
    const rule = RULES_BY_ID.get(problem.ruleId);
    if (!rule) continue;
    notes.push(`**${rule.id}** (${problem.severity}): ${rule.summary} [Rule page](${context.docsBaseUri}/${rule.id}.md)`);
  }
  return notes;
}

function referenceCard(model: DockerfileModel, reference: StageReference, target: Stage | null, shipping: Shipping | undefined): string[] {
  const resolution = reference.resolution;
  if (resolution.kind === 'image') return imageCard(resolution.image, 'Image');
  if (resolution.kind === 'variable') {
    const byDefault = stageByDefaults(model, reference);
    const note = `\`${reference.text}\` is resolved from build arguments at build time`;
    return byDefault ? [`${note}; with their defaults it is this stage:`, '', ...stageCard(model, byDefault, shipping)] : [`${note}.`];
  }
  if (!target) return [`\`${reference.text}\` names no stage of this file; BuildKit will try it as an image.`];
  const card = stageCard(model, target, shipping);
  if (resolution.kind === 'forward') card.push('', '**Defined later:** a stage can only use stages defined before it.');
  if (resolution.kind === 'self') card.push('', '**This is the current stage:** it cannot use itself.');
  return card;
}

function stageCard(model: DockerfileModel, stage: Stage, shipping: Shipping | undefined): string[] {
  const card = [
    `**Stage \`${stageLabel(stage)}\`** · line ${stage.from.range.start.line + 1}`,
    '```dockerfile',
    fromLineText(model, stage),
    '```',
  ];
  if (stage.baseImage) card.push(`Base image: \`${stage.baseImage.text}\``);
  const users = usersOf(model, stage);
  card.push('', users.length > 0 ? `Used by: ${users.join(', ')}` : 'Not used by any other stage.');
  const role = shipping ? roleText(shipping, stage) : '';
  if (role) card.push('', role);
  return card;
}

function imageCard(image: ImageReference, title: string, model?: DockerfileModel): string[] {
  if (image.hasVariables && model) {
    // FROM ${IMAGE}:${TAG}: what the global ARGs' defaults make of it.
    const resolved = expandInScope(model, image.range.start.line, image.text);
    if (resolved !== '' && !resolved.includes('$')) {
      const described = describeImage(parseImageReference(resolved, image.range));
      return [`**${title}** \`${image.text}\``, '', `With the default build arguments: \`${resolved}\``, '', ...described.map((line) => `- ${line}`)];
    }
  }
  return [`**${title}** \`${image.text}\``, '', ...describeImage(image).map((line) => `- ${line}`)];
}

/** What the engine, a registry or the built-in table knows of a base image, and where from. */
function factsCard(model: DockerfileModel, image: ImageReference, images: ProblemContext['images']): string[] {
  if (!images) return [];
  const text = image.hasVariables ? expandIfKnown(model, image.range.start.line, image.text) : image.text;
  if (!text || text.toLowerCase() === 'scratch') return [];
  const known = images.facts(text);
  const lines = imageFactLines(known);
  const fromImage = known !== null && [known.source, ...Object.values(known.sources ?? {})].some((source) => typeof source === 'string' && !source.startsWith('built-in table'));
  const link = images.lookUpLink && !fromImage ? [`[Look up in its registry](${images.lookUpLink})`] : [];
  if (lines.length === 0) return ['', `**Image facts:** nothing is known of \`${text}\` here; rules that need its user or environment stay silent.`, ...(link.length > 0 ? ['', ...link] : [])];
  return ['', '**Image facts**', '', ...lines.map((line) => `- ${line}`), ...(link.length > 0 ? ['', ...link] : [])];
}

function markdown(lines: string[], range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}
