import type { Connection } from 'vscode-languageserver';
import type { RegistrySettings } from '../../../common/settings';
import type { Problem } from '../engine/lint';
import type { ActionPlan } from '../features/code-actions';
import { imageThroughArg } from '../model/image-through-args';
import { comparePositions } from '../model/positions';
import type { DockerfileModel } from '../model/types';
import { RegistryClient, RegistryError } from '../registry/client';
import { toRegistryImage, type RegistryImage } from '../registry/image-name';
import { choosePin, type PinChoice } from '../registry/pin';

const MAX_IMAGES_PER_REQUEST = 3;

/**
 * "Pin to <name>:<tag>" and "Pin to digest", from the image's registry. Asked only when the user
 * opens the quick-fix menu (never while linting, never for the automatic light bulb); answers are
 * kept while the editor runs; a failure is shown to the user, and the offline fix remains.
 */
export class PinActions {
  private readonly answers = new Map<string, Promise<PinChoice>>();

  constructor(private readonly connection: Connection) {}

  async plans(model: DockerfileModel, problems: readonly Problem[], range: { start: Problem['range']['start']; end: Problem['range']['end'] }, settings: RegistrySettings): Promise<ActionPlan[]> {
    const unpinned = problems
      .filter((p) => p.ruleId === 'image-unpinned' && comparePositions(p.range.start, range.end) <= 0 && comparePositions(range.start, p.range.end) <= 0)
      .slice(0, MAX_IMAGES_PER_REQUEST);
    const plans: ActionPlan[] = [];
    for (const problem of unpinned) {
      const target = pinTarget(model, problem);
      const text = target.text;
      const image = toRegistryImage(text);
      if (!image) continue;
      try {
        const choice = await this.lookUp(image, settings);
        plans.push(...pinPlans(problem, image, choice, target));
      } catch (error) {
        const reason = error instanceof RegistryError ? error.message : String(error);
        void this.connection.window.showWarningMessage(`Could not look up ${text} in its registry: ${reason}`);
      }
    }
    return plans;
  }

  private lookUp(image: RegistryImage, settings: RegistrySettings): Promise<PinChoice> {
    const key = `${image.host}/${image.repository}:${image.tag ?? ''}`;
    let answer = this.answers.get(key);
    if (!answer) {
      const client = new RegistryClient({ timeoutMs: settings.timeoutMs, plainHttpHosts: settings.plainHttpHosts });
      answer = choosePin(client, image);
      this.answers.set(key, answer);
      // A failure is not remembered: the next request tries again.
      answer.catch(() => this.answers.delete(key));
    }
    return answer;
  }
}

/** What to look up and where the pin is written: the image itself, or the ARG default it comes from. */
interface PinTarget {
  readonly text: string;
  readonly range: Problem['range'];
  readonly part: 'image' | 'tag';
}

function pinTarget(model: DockerfileModel, problem: Problem): PinTarget {
  const stage = model.stages.find((s) => s.baseImage && comparePositions(s.baseImage.range.start, problem.range.start) === 0);
  const throughArg = stage?.baseImage ? imageThroughArg(model, stage.baseImage) : null;
  if (throughArg) return { text: throughArg.resolved.text, range: throughArg.valueRange, part: throughArg.part };
  return { text: textOf(model, problem), range: problem.range, part: 'image' };
}

function textOf(model: DockerfileModel, problem: Problem): string {
  const { start, end } = problem.range;
  if (start.line !== end.line) return '';
  const offset = model.lineStarts[start.line] ?? 0;
  return model.text.slice(offset + start.character, offset + end.character);
}

function pinPlans(problem: Problem, image: RegistryImage, choice: PinChoice, target: PinTarget): ActionPlan[] {
  const plans: ActionPlan[] = [];
  // A tag that comes from an ARG gets only the tag written into the ARG's default.
  const write = (name: string, tag: string) => (target.part === 'tag' ? tag : `${name}:${tag}`);
  if (choice.tag) {
    const pinned = `${image.name}:${choice.tag}`;
    plans.push({ title: `Pin to ${pinned}`, kind: 'quickfix', edits: [{ range: target.range, newText: write(image.name, choice.tag) }], preferred: choice.sameAsCurrent, problems: [problem] });
  }
  const tag = choice.tag && choice.sameAsCurrent ? choice.tag : image.tag;
  const tagged = tag ? `${image.name}:${tag}` : image.name;
  const digestText = target.part === 'tag' ? `${tag ?? 'latest'}@${choice.digest}` : `${tagged}@${choice.digest}`;
  plans.push({
    title: `Pin to digest (${tagged}@${choice.digest.slice(0, 19)}…)`,
    kind: 'quickfix',
    edits: [{ range: target.range, newText: digestText }],
    preferred: false,
    problems: [problem],
  });
  return plans;
}
