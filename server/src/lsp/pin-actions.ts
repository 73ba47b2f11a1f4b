import type { CodeAction, Connection } from 'vscode-languageserver';
import type { RegistrySettings } from '../../../common/settings';
import type { Problem } from '../engine/lint';
import { comparePositions } from '../model/positions';
import type { DockerfileModel } from '../model/types';
import { digestPlan, pinTarget, tagPlan } from '../features/pin-plans';
import { RegistryClient, RegistryError } from '../registry/client';
import { toRegistryImage, type RegistryImage } from '../registry/image-name';
import { choosePin, type PinChoice } from '../registry/pin';

const MAX_IMAGES_PER_REQUEST = 3;

/** What a pin action carries until the user picks it. */
export interface PinData {
  readonly pin: { readonly uri: string; readonly version: number; readonly kind: 'tag' | 'digest'; readonly line: number; readonly character: number };
}

/** What resolving a pin action needs of the server: the document's model and problems now. */
export interface PinDocument {
  readonly model: DockerfileModel;
  readonly version: number;
  readonly problems: readonly Problem[];
}

/**
 * "Pin to a release tag" and "Pin to its digest", from the image's registry. Listing them costs
 * nothing: the registry is asked only when the user picks one (codeAction/resolve), and only then
 * is a failure shown. Answers are kept while the editor runs.
 */
export class PinActions {
  private readonly answers = new Map<string, Promise<PinChoice>>();

  constructor(private readonly connection: Connection) {}

  /** The pin actions for the unpinned images in a range, without their edits. */
  offers(model: DockerfileModel, problems: readonly Problem[], range: { start: Problem['range']['start']; end: Problem['range']['end'] }, uri: string, version: number): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const problem of unpinnedIn(problems, range).slice(0, MAX_IMAGES_PER_REQUEST)) {
      const target = pinTarget(model, problem);
      const image = toRegistryImage(target.text);
      if (!image) continue;
      const host = image.host === 'registry-1.docker.io' ? 'Docker Hub' : image.host;
      const at = { uri, version, line: problem.range.start.line, character: problem.range.start.character };
      actions.push(
        { title: `Pin ${target.text} to a release tag (asks ${host})`, kind: 'quickfix', data: { pin: { ...at, kind: 'tag' } } satisfies PinData },
        { title: `Pin ${target.text} to its digest (asks ${host})`, kind: 'quickfix', data: { pin: { ...at, kind: 'digest' } } satisfies PinData },
      );
    }
    return actions;
  }

  /** Fills in a pin action's edit from the registry; on failure says why and leaves the text alone. */
  async resolve(action: CodeAction, document: PinDocument | null, settings: RegistrySettings): Promise<CodeAction> {
    const data = (action.data as Partial<PinData> | undefined)?.pin;
    if (!data) return action;
    if (!document || document.version !== data.version) {
      void this.connection.window.showWarningMessage('The Dockerfile changed since the quick fix was offered; open the menu again.');
      return action;
    }
    const problem = document.problems.find((p) => p.ruleId === 'image-unpinned' && p.range.start.line === data.line && p.range.start.character === data.character);
    if (!problem) return action;
    const target = pinTarget(document.model, problem);
    const image = toRegistryImage(target.text);
    if (!image) return action;
    try {
      const choice = await this.lookUp(image, settings);
      const plan = data.kind === 'tag' ? tagPlan(problem, image, choice, target) : digestPlan(problem, image, choice, target);
      if (!plan) {
        void this.connection.window.showWarningMessage(`${image.host} lists no release tag for ${target.text}; pin it to its digest instead.`);
        return action;
      }
      return { ...action, edit: { changes: { [data.uri]: [...plan.edits] } } };
    } catch (error) {
      const reason = error instanceof RegistryError ? error.message : String(error);
      void this.connection.window.showErrorMessage(`Could not look up ${target.text} in its registry: ${reason}`);
      return action;
    }
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

function unpinnedIn(problems: readonly Problem[], range: { start: Problem['range']['start']; end: Problem['range']['end'] }): Problem[] {
  return problems.filter((p) => p.ruleId === 'image-unpinned' && comparePositions(p.range.start, range.end) <= 0 && comparePositions(range.start, p.range.end) <= 0);
}
