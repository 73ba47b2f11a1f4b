import * as vscode from 'vscode';
import { stageKey, type StageInfo } from '../../../common/protocol';
import { isDockerfile, neededBy, type StagesSource } from '../stages-source';
import type { TargetStore } from './targets';

type Node = { readonly kind: 'stage'; readonly uri: vscode.Uri; readonly stage: StageInfo; readonly needed: boolean; readonly target: boolean; readonly all: readonly StageInfo[] } | { readonly kind: 'dependency'; readonly uri: vscode.Uri; readonly stage: StageInfo };

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
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      if (node.kind !== 'stage') return [];
      return node.stage.dependencies.flatMap((index) => {
        const stage = node.all[index];
        return stage ? [{ kind: 'dependency' as const, uri: node.uri, stage }] : [];
      });
    }
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isDockerfile(document)) return [];
    const result = await this.source.get(document);
    const target = this.targets.targetIndex(document.uri, result);
    const needed = neededBy(result.stages, target);
    return result.stages.map((stage) => ({ kind: 'stage', uri: document.uri, stage, needed: needed.has(stage.index), target: stage.index === target, all: result.stages }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const reveal: vscode.Command = {
      title: 'Reveal',
      command: 'vscode.open',
      arguments: [node.uri, { selection: new vscode.Range(node.stage.line, 0, node.stage.line, 0) }],
    };
    if (node.kind === 'dependency') {
      const item = new vscode.TreeItem(`uses ${stageKey(node.stage)}`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('arrow-small-right');
      item.command = reveal;
      return item;
    }
    const item = new vscode.TreeItem(stageKey(node.stage), node.stage.dependencies.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#${node.stage.index}`;
    const role = node.stage.ships !== null ? 'ships' : node.stage.role;
    item.description = `${role} · ${node.stage.baseImage ?? ''}${node.target ? ' · target' : node.needed ? '' : ' · not built for the target'}`;
    item.iconPath = node.stage.ships !== null
      ? new vscode.ThemeIcon('package')
      : node.target
        ? new vscode.ThemeIcon('target')
        : node.needed
          ? new vscode.ThemeIcon('layers')
          : new vscode.ThemeIcon('layers', new vscode.ThemeColor('disabledForeground'));
    item.tooltip = [
      `Stage ${stageKey(node.stage)} (line ${node.stage.line + 1}) from ${node.stage.baseImage ?? 'nothing'}`,
      node.stage.ships !== null ? `Ships: ${node.stage.ships}` : `Role: ${node.stage.role} (${node.stage.roleReason})`,
    ].join('\n');
    item.contextValue = node.stage.name ? 'stage' : 'unnamedStage';
    item.command = reveal;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The build arguments a Stages view item stands for. */
export function stageOfNode(node: unknown): { uri: vscode.Uri; target: string | null } | null {
  if (typeof node !== 'object' || node === null || !('stage' in node) || !('uri' in node)) return null;
  const { stage, uri } = node as { stage: StageInfo; uri: vscode.Uri };
  return { uri, target: stage.name };
}
