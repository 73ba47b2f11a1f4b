import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { editDistance } from '../rules/edit-distance';

/** A Dockerfile a project configuration applies to, with the names of its stages. */
export interface GovernedDockerfile {
  /** As shown to the user (relative to the configuration's folder). */
  readonly file: string;
  readonly stageNames: readonly string[];
}

/** A problem in a `.dockerfile-stages.json`, at an offset of its text. */
export interface ProjectConfigProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/**
 * Why the configured `target` builds nothing: it names no stage of a Dockerfile the file applies
 * to (BuildKit compares stage names without case). Null when every such Dockerfile has it, or when
 * no Dockerfile is known.
 */
export function unknownTargetMessage(target: string, governed: readonly GovernedDockerfile[]): string | null {
  const wanted = target.toLowerCase();
  const missing = governed.filter((dockerfile) => !dockerfile.stageNames.some((name) => name.toLowerCase() === wanted));
  if (missing.length === 0) return null;
  const names = [...new Set(missing.flatMap((dockerfile) => dockerfile.stageNames))];
  const closest = closestName(target, names);
  const where = missing.length === 1 ? (missing[0] as GovernedDockerfile).file : `${missing.length} of the ${governed.length} Dockerfiles this file applies to (${missing.map((d) => d.file).join(', ')})`;
  const known = names.length > 0 ? ` (its stages: ${names.join(', ')})` : ' (it has no named stage)';
  return `'${target}' is no stage of ${where}${missing.length === 1 ? known : ''}${closest ? `. Did you mean '${closest}'?` : '.'}`;
}

/** The problems the editor shows in a `.dockerfile-stages.json` beyond its JSON schema: a target that builds nothing. */
export function checkProjectConfigText(text: string, governed: readonly GovernedDockerfile[]): ProjectConfigProblem[] {
  const tree = parseTree(text);
  const target = tree ? findNodeAtLocation(tree, ['target']) : undefined;
  if (!target || target.type !== 'string' || typeof target.value !== 'string') return [];
  const message = unknownTargetMessage(target.value, governed);
  return message ? [{ offset: target.offset, length: target.length, message }] : [];
}

/** The known name nearest a misspelt one (at most two edits away), or null. */
export function closestName(text: string, names: Iterable<string>): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(text.toLowerCase(), name.toLowerCase(), 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}
