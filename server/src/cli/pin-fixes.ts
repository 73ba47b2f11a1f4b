// `check --fix --images lookup`: the registry pins, the one fix that needs the network.
import { DEFAULT_REGISTRY_SETTINGS } from '../../../common/settings';
import type { Problem } from '../engine/lint';
import { pinTarget, tagPlan } from '../features/pin-plans';
import { comparePositions } from '../model/positions';
import type { DockerfileModel } from '../model/types';
import { RegistryClient, RegistryError } from '../registry/client';
import { toRegistryImage } from '../registry/image-name';
import { choosePin, type PinChoice } from '../registry/pin';
import type { TextEdit } from 'vscode-languageserver-types';

/** What the registries said of each unpinned image (by its text), or why they could not. */
export type PinAnswers = ReadonlyMap<string, PinChoice | { readonly error: string }>;

/** The images an unpinned-image finding asks to pin in a checked file (an ARG default's image when it comes from one). */
export function unpinnedImages(model: DockerfileModel, problems: readonly Problem[]): string[] {
  return problems.filter((p) => p.ruleId === 'image-unpinned').map((p) => pinTarget(model, p).text).filter((text) => toRegistryImage(text) !== null);
}

/** Asks each image's registry once, all images at a time; a failure is an answer, never a throw. */
export async function lookUpPins(images: Iterable<string>): Promise<PinAnswers> {
  const client = new RegistryClient(DEFAULT_REGISTRY_SETTINGS);
  const answers = new Map<string, PinChoice | { error: string }>();
  await Promise.all(
    [...new Set(images)].map(async (text) => {
      const image = toRegistryImage(text);
      if (!image) return;
      try {
        answers.set(text, await choosePin(client, image));
      } catch (error) {
        answers.set(text, { error: error instanceof RegistryError ? error.message : String(error) });
      }
    }),
  );
  return answers;
}

/**
 * The pins `--fix` writes: a release tag only when the registry says it is what the floating tag
 * means today, so the image built is the same one. Anything else (no such tag, a failed look-up)
 * is said and left for a person: a newer release or a digest changes what the file asks for.
 */
export function pinEdits(model: DockerfileModel, problems: readonly Problem[], answers: PinAnswers, warn: (message: string) => void): { edits: TextEdit[]; fixed: number } {
  const edits: TextEdit[] = [];
  let fixed = 0;
  for (const problem of problems.filter((p) => p.ruleId === 'image-unpinned')) {
    const target = pinTarget(model, problem);
    const image = toRegistryImage(target.text);
    const answer = answers.get(target.text);
    if (!image || !answer) continue;
    const line = problem.range.start.line + 1;
    if ('error' in answer) {
      warn(`line ${line}: not pinned: could not look up ${target.text}: ${answer.error}`);
      continue;
    }
    const plan = answer.sameAsCurrent ? tagPlan(problem, image, answer, target) : null;
    if (!plan) {
      const newest = answer.tag ? ` (its newest release is ${answer.tag})` : '';
      warn(`line ${line}: not pinned: no release tag of ${target.text} is what it means today${newest}; pin it by hand`);
      continue;
    }
    fixed++;
    // Stages built from one ARG write the same pin once.
    for (const edit of plan.edits) if (!edits.some((e) => sameRange(e, edit))) edits.push(edit);
  }
  return { edits, fixed };
}

function sameRange(a: TextEdit, b: TextEdit): boolean {
  return comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;
}
