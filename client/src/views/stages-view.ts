import * as vscode from 'vscode';
import { stageKey, stageLabel, type StageInfo } from '../../../common/protocol';
import { isDockerfile, neededBy, type StagesSource } from '../stages-source';
import type { TargetStore } from './targets';
import { describeBytes, describeTime } from '../../../common/build-results';
import type { BuildOutcome, BuildResults } from '../build/build-results-store';

type Node =
  | { readonly kind: 'stage'; readonly uri: vscode.Uri; readonly stage: StageInfo; readonly needed: boolean; readonly target: boolean; readonly all: readonly StageInfo[]; readonly built: BuildOutcome | null }
  | { readonly kind: 'dependency'; readonly uri: vscode.Uri; readonly stage: StageInfo; readonly how: string };

/**
 * The Stages view in the Explorer, for the active Dockerfile: stages in order with their base
 * image and what they copy from; the stages the build target needs are marked, the others dimmed.
 */
export class StagesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly source: StagesSource,
    private readonly targets: TargetStore,
    private readonly results: BuildResults,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      if (node.kind !== 'stage') return [];
      const uses = node.stage.uses ?? node.stage.dependencies.map((stage) => ({ stage, how: 'uses' }));
      return uses.flatMap((use) => {
        const stage = node.all[use.stage];
        return stage ? [{ kind: 'dependency' as const, uri: node.uri, stage, how: use.how }] : [];
      });
    }
    const document = shownDockerfile();
    if (!document) return [];
    const result = await this.source.get(document);
    const target = this.targets.targetIndex(document.uri, result);
    const needed = neededBy(result.stages, target);
    const built = this.results.get(document.uri);
    return result.stages.map((stage) => ({ kind: 'stage', uri: document.uri, stage, needed: needed.has(stage.index), target: stage.index === target, all: result.stages, built }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const reveal: vscode.Command = {
      title: 'Reveal',
      command: 'vscode.open',
      arguments: [node.uri, { selection: new vscode.Range(node.stage.line, 0, node.stage.line, 0) }],
    };
    if (node.kind === 'dependency') {
      const item = new vscode.TreeItem(`${node.how} ${stageLabel(node.stage)}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('arrow-small-right');
      item.command = reveal;
      return item;
    }
    const item = new vscode.TreeItem(stageLabel(node.stage), node.stage.dependencies.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#${node.stage.index}`;
    // A tool or base image that ships says what it is; a deployed runtime just that it ships.
    const role = node.stage.ships === null ? node.stage.role : node.stage.deployed === false ? `${node.stage.role}, ships` : 'ships';
    const saved = node.built && node.built.targetIndex === node.stage.index ? savedText(node.built, node.all)[1] : undefined;
    const weight = `${builtText(node.built, node.stage.index)}${saved ? ` (${saved.replace(/ against .*/, '').toLowerCase()})` : ''}`;
    item.description = `${role} · ${node.stage.baseImage ?? ''}${node.target ? ' · target' : node.needed ? '' : ' · not built for the target'}${weight ? ` · ${weight}` : ''}`;
    item.iconPath = node.stage.ships !== null
      ? new vscode.ThemeIcon('package')
      : node.target
        ? new vscode.ThemeIcon('target')
        : node.needed
          ? new vscode.ThemeIcon('layers')
          : new vscode.ThemeIcon('layers', new vscode.ThemeColor('disabledForeground'));
    item.tooltip = [
      `${stageLabel(node.stage)} (line ${node.stage.line + 1}), FROM ${node.stage.baseImage ?? 'nothing'}`,
      node.stage.ships !== null && node.stage.deployed !== false ? `Ships: ${node.stage.ships}` : `Role: ${node.stage.role} (${node.stage.roleReason})`,
      ...(node.stage.ships !== null && node.stage.deployed === false ? [`Ships: ${node.stage.ships}; not a deployed process, so the rules about servers (root user, health check) leave it alone`] : []),
      ...(node.built && node.built.targetIndex === node.stage.index ? savedText(node.built, node.all) : []),
    ].join('\n');
    // An unnamed stage that is not the last cannot be built alone (--target takes names).
    const buildable = node.stage.name !== null || node.stage.index === node.all.length - 1;
    item.contextValue = `${buildable ? 'stage' : 'unnamedStage'}${node.target ? ' target' : ''}`;
    item.command = reveal;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `2.3 s · 734 MB` or `cached`, for a stage the last build built. */
function builtText(outcome: BuildOutcome | null, index: number): string {
  const stage = outcome?.stages.find((s) => s.stage === index);
  if (!stage) return '';
  const time = describeTime({ cached: stage.cached, seconds: stage.seconds });
  return stage.imageBytes === null ? time : `${time} · ${describeBytes(stage.imageBytes)}`;
}

/** The target's size, and what it saves against the heaviest other stage the build weighed. */
export function savedText(outcome: BuildOutcome, stages: readonly StageInfo[]): string[] {
  const target = outcome.stages.find((s) => s.stage === outcome.targetIndex);
  if (!target || target.imageBytes === null) return [];
  const lines = [`Image: ${describeBytes(target.imageBytes)}`];
  const heaviest = outcome.stages.filter((s) => s.stage !== outcome.targetIndex && s.imageBytes !== null).sort((a, b) => (b.imageBytes ?? 0) - (a.imageBytes ?? 0))[0];
  const name = heaviest ? stages[heaviest.stage] : undefined;
  if (heaviest && name && (heaviest.imageBytes ?? 0) > target.imageBytes) {
    lines.push(`Saves ${describeBytes((heaviest.imageBytes ?? 0) - target.imageBytes)} against ${stageLabel(name)} (${describeBytes(heaviest.imageBytes ?? 0)})`);
  }
  return lines;
}

/** What a Stages view item stands for: the build target, its key for the picker, the ports it exposes. */
export function stageOfNode(node: unknown): { uri: vscode.Uri; target: string | null; key: string; exposes: readonly string[] } | null {
  if (typeof node !== 'object' || node === null || !('stage' in node) || !('uri' in node)) return null;
  const { stage, uri } = node as { stage: StageInfo; uri: vscode.Uri };
  return { uri, target: stage.name, key: stageKey(stage), exposes: stage.exposes ?? [] };
}

/** The last Dockerfile that was the active editor. */
let lastDockerfile: vscode.Uri | null = null;

/**
 * The Dockerfile the view shows: the active editor's, else the last active one while it is still
 * open in a tab (the view stays while another tab, the terminal or a JSON file has the focus).
 */
export function shownDockerfile(): vscode.TextDocument | null {
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDockerfile(active)) {
    lastDockerfile = active.uri;
    return active;
  }
  if (!lastDockerfile || !openInTab(lastDockerfile)) return null;
  const last = lastDockerfile.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === last) ?? null;
}

function openInTab(uri: vscode.Uri): boolean {
  const wanted = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === wanted));
}
