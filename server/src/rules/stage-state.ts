import { instructionBody, unquote } from '../model/instruction-text';
import { shippedStages } from '../model/stage-graph';
import { normalizeImage, type SourcedFacts } from '../images/image-facts';
import { parseNameValues } from '../words/name-values';
import type { Platform } from '../words/platform';
import type { Shipping } from '../model/shipping';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { expandIfKnown } from '../model/variable-scope';
import type { RuleContext } from './rule';

/** The stages whose layers ship, in document order (size and hygiene rules look at these). */
export function layerStages(model: DockerfileModel, shipping: Shipping): Stage[] {
  return model.stages.filter((stage) => shipping.layerStages.has(stage.index));
}

/** Instructions of a shipped stage's chain (base stages first), each with the USER in force before it. */
export function withUser(model: DockerfileModel, target: Stage, platform?: Platform): { instruction: Instruction; stage: Stage; user: string | null }[] {
  const result: { instruction: Instruction; stage: Stage; user: string | null }[] = [];
  let user: string | null = null;
  for (const stage of shippedStages(model, target)) {
    for (const instruction of stage.instructions) {
      result.push({ instruction, stage, user });
      if (instruction.keyword === 'USER') user = expandIfKnown(model, instruction.range.start.line, instructionBody(model, instruction), platform) ?? instructionBody(model, instruction);
    }
  }
  return result;
}

export function isRootUser(user: string | null): boolean {
  if (user === null) return true;
  const name = user.split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0';
}

/** The last absolute WORKDIR of a stage (following its FROM chain), or null. */
export function workdirOf(model: DockerfileModel, stage: Stage): string | null {
  let workdir: string | null = null;
  for (const s of shippedStages(model, stage)) {
    for (const instruction of s.instructions) {
      if (instruction.keyword !== 'WORKDIR') continue;
      const path = instruction.args[0]?.value ?? '';
      workdir = path.startsWith('/') ? path : workdir ? `${workdir.replace(/\/$/, '')}/${path}` : null;
    }
  }
  return workdir;
}

/** A path in the image, `to` taken from folder `from` (`..` and `.` resolved); `from` for text with variables. */
export function resolvePath(from: string, to: string): string {
  if (!to || to.includes('$')) return from;
  const parts = (to.startsWith('/') ? to : `${from}/${to}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The image at the bottom of a stage's FROM chain (null for a stage built on nothing known). */
export function rootImageText(model: DockerfileModel, stage: Stage): string | null {
  return shippedStages(model, stage)[0]?.baseImage?.text ?? null;
}

/**
 * The base image of a chain's first stage with build arguments at their defaults; null when it
 * uses one that has no default.
 */
export function baseImageOf(model: DockerfileModel, stage: Stage, platform?: Platform): string | null {
  const text = stage.baseImage?.text;
  if (!text) return null;
  const image = expandIfKnown(model, stage.from.range.start.line, text, platform);
  return image && image.includes('@') && normalizeImage(image)?.tag === null ? (namedByLabel(model, stage, image) ?? image) : image;
}

/**
 * The variables the image at the bottom of a stage's chain sets, when that is known completely
 * (scratch sets none; an inspected image lists them all); null when the base may set names we
 * cannot see.
 */
export function completeImageEnv(context: Pick<RuleContext, 'model' | 'imageFacts' | 'platform'>, stage: Stage): ReadonlySet<string> | null {
  const root = shippedStages(context.model, stage)[0];
  const image = root ? baseImageOf(context.model, root, context.platform) : null;
  if (image === null) return null;
  if (image.toLowerCase() === 'scratch') return new Set();
  const facts = context.imageFacts(image)?.facts;
  return facts?.env && facts.envComplete ? new Set(facts.env) : null;
}

/** The label OCI defines for the name of the image a stage is built on (generators and `docker buildx` write it beside a digest pin). */
const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';

/**
 * `node@sha256:…` says which image, not which variant of it: the stage's own
 * `LABEL org.opencontainers.image.base.name="node:24-slim"` does, when it names the same repository.
 */
function namedByLabel(model: DockerfileModel, stage: Stage, image: string): string | null {
  const repository = normalizeImage(image)?.name;
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'LABEL') continue;
    for (const { name, value } of parseNameValues(instructionBody(model, instruction), model.escapeChar).pairs) {
      const named = unquote(value ?? '');
      const reference = normalizeImage(named);
      if (name === BASE_NAME_LABEL && reference?.tag && reference.name === repository && !named.includes('@')) return `${named}${image.slice(image.indexOf('@'))}`;
    }
  }
  return null;
}

/** "the image 'runtime' (shipped by compose.yaml:5, service web)" — what a final-image message names. */
export function describeShipped(stage: Stage, because: string): string {
  return `'${stage.name ?? `stage ${stage.index + 1}`}' (${because})`;
}

/**
 * Whether a stage's chain runs Windows: a PowerShell or cmd SHELL, or a base image known to be
 * Windows. POSIX rules (users, shells, package managers) stay silent there.
 */
export function isWindowsStage(model: DockerfileModel, stage: Stage, facts: (image: string) => SourcedFacts | null): boolean {
  const chain = shippedStages(model, stage);
  const shell = chain.flatMap((s) => s.instructions).find((i) => i.keyword === 'SHELL');
  if (shell && /\b(powershell|pwsh|cmd)(\.exe)?\b/i.test(instructionBody(model, shell))) return true;
  const base = chain[0] ? baseImageOf(model, chain[0]) : null;
  return base !== null && facts(base)?.facts.os === 'windows';
}
