import type { Problem } from '../engine/lint';
import type { ActionPlan } from './code-actions';
import { imageThroughArg } from '../model/image-through-args';
import { comparePositions } from '../model/positions';
import type { DockerfileModel } from '../model/types';
import type { RegistryImage } from '../registry/image-name';
import type { PinChoice } from '../registry/pin';

// Where a pin is written and what it writes, given the registry's answer: shared by the editor's
// pin actions and `check --fix --images lookup`.

/** What to look up and where the pin is written: the image itself, or the ARG default it comes from. */
export interface PinTarget {
  readonly text: string;
  readonly range: Problem['range'];
  readonly part: 'image' | 'tag';
}

export function pinTarget(model: DockerfileModel, problem: Problem): PinTarget {
  // A finding on an ARG default (the image of the FROMs that use it) pins that default.
  for (const stage of model.stages) {
    const throughArg = stage.baseImage ? imageThroughArg(model, stage.baseImage) : null;
    if (throughArg && comparePositions(throughArg.valueRange.start, problem.range.start) === 0) {
      return { text: throughArg.resolved.text, range: throughArg.valueRange, part: throughArg.part };
    }
  }
  return { text: textOf(model, problem), range: problem.range, part: 'image' };
}

function textOf(model: DockerfileModel, problem: Problem): string {
  const { start, end } = problem.range;
  if (start.line !== end.line) return '';
  const offset = model.lineStarts[start.line] ?? 0;
  return model.text.slice(offset + start.character, offset + end.character);
}

/** The release tag the registry says the image means today (or its newest release). */
export function tagPlan(problem: Problem, image: RegistryImage, choice: PinChoice, target: PinTarget): ActionPlan | null {
  if (!choice.tag) return null;
  // A tag that comes from an ARG gets only the tag written into the ARG's default.
  const newText = target.part === 'tag' ? choice.tag : `${image.name}:${choice.tag}`;
  return { title: `Pin to ${image.name}:${choice.tag}`, kind: 'quickfix', edits: [{ range: target.range, newText }], preferred: choice.sameAsCurrent, problems: [problem] };
}

/** The digest of what the tag means today, kept beside the tag for people. */
export function digestPlan(problem: Problem, image: RegistryImage, choice: PinChoice, target: PinTarget): ActionPlan {
  const tag = choice.tag && choice.sameAsCurrent ? choice.tag : image.tag;
  const tagged = tag ? `${image.name}:${tag}` : image.name;
  const newText = target.part === 'tag' ? `${tag ?? 'latest'}@${choice.digest}` : `${tagged}@${choice.digest}`;
  return { title: `Pin to digest (${tagged}@${choice.digest.slice(0, 19)}…)`, kind: 'quickfix', edits: [{ range: target.range, newText }], preferred: false, problems: [problem] };
}
