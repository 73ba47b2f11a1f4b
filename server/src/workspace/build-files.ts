import { parseTree } from 'jsonc-parser';
import { computeLineStarts, lineAtOffset } from '../model/scanner';
import { bakeTargets, isBakeFile } from './bake';
import { devcontainerTargets, githubTargets, isDevcontainer, isGithubWorkflow } from './ci-files';
import { composeTargets, isComposeFile } from './compose';
import { readHcl } from './hcl-reader';
import { basename, dirname } from './paths';
import type { IndexProblem, TargetReference, WorkspaceFile } from './types';
import { isRecord, plainNode, readYaml } from './yaml-nodes';

/**
 * The build files whose target fields the editor serves (completion, checks, navigation, rename):
 * compose, Bake, GitHub workflows and dev containers. Skaffold, GitLab CI and scripts are read for
 * what ships, and renamed with their stage when they name it plainly, but not served as documents.
 */
export type BuildFileKind = 'compose' | 'bake' | 'workflow' | 'devcontainer';

/** The kind of a workspace-relative path, or null. */
export function buildFileKind(path: string): BuildFileKind | null {
  if (isComposeFile(path)) return 'compose';
  if (isBakeFile(path)) return 'bake';
  if (isGithubWorkflow(path)) return 'workflow';
  if (isDevcontainer(path)) return 'devcontainer';
  return null;
}

/** True when a reference writes something in the file: its target, its Dockerfile, or the build itself. */
function writtenIn(reference: TargetReference, file: string): boolean {
  return reference.targetField?.file === file || reference.dockerfileField?.file === file || reference.source.file === file;
}

/**
 * The builds one build file takes part in, read from its current text. Compose and Bake files are
 * read with the files of their folder (`siblings`: overrides, the base file, files they extend),
 * since a target written in one may build a Dockerfile named in another.
 */
export function referencesInFile(
  file: WorkspaceFile,
  siblings: readonly WorkspaceFile[],
  exists: (path: string) => boolean,
): { references: TargetReference[]; problems: IndexProblem[] } {
  const kind = buildFileKind(file.path);
  const folderMates = (test: (path: string) => boolean): WorkspaceFile[] => [
    file,
    ...siblings.filter((other) => other.path !== file.path && dirname(other.path) === dirname(file.path) && test(other.path)),
  ];
  const found =
    kind === 'compose'
      ? composeTargets(folderMates(isComposeFile))
      : kind === 'bake'
        ? bakeTargets(folderMates(isBakeFile), exists)
        : kind === 'workflow'
          ? githubTargets(file, exists)
          : kind === 'devcontainer'
            ? devcontainerTargets(file)
            : { references: [], problems: [] };
  return { references: found.references.filter((reference) => writtenIn(reference, file.path)), problems: found.problems.filter((p) => p.file === file.path) };
}

/** Something a build file can build by name: a compose service with `build:`, a Bake target. */
export interface BuildSite {
  readonly kind: 'compose-service' | 'bake-target';
  readonly name: string;
  /** 0-based line of its name. */
  readonly line: number;
}

/** The services and targets a compose or Bake file can build; none when it cannot be read. */
export function buildSites(file: WorkspaceFile): BuildSite[] {
  try {
    if (isComposeFile(file.path)) return composeSites(file);
    if (isBakeFile(file.path)) return bakeSites(file);
  } catch {
    // A half-typed file has no lenses until it reads again.
  }
  return [];
}

function composeSites(file: WorkspaceFile): BuildSite[] {
  const yaml = readYaml(file.text);
  if (typeof yaml === 'string') return [];
  const services = yaml.doc.get('services', true);
  if (!services || typeof services !== 'object' || !('items' in services) || !Array.isArray(services.items)) return [];
  const sites: BuildSite[] = [];
  for (const pair of services.items as { key?: { value?: unknown; range?: [number, number, number] }; value?: unknown }[]) {
    const name = pair.key?.value;
    const service = plainNode(yaml, pair.value);
    if (typeof name !== 'string' || !isRecord(service) || service.build === undefined) continue;
    const offset = pair.key?.range?.[0] ?? 0;
    sites.push({ kind: 'compose-service', name, line: yaml.lineAt(offset) });
  }
  return sites;
}

function bakeSites(file: WorkspaceFile): BuildSite[] {
  if (file.path.endsWith('.json')) {
    const tree = parseTree(file.text);
    const lineStarts = computeLineStarts(file.text);
    const targets = tree?.children?.find((property) => property.children?.[0]?.value === 'target')?.children?.[1];
    return (targets?.children ?? [])
      .map((property) => ({ name: property.children?.[0]?.value as unknown, offset: property.offset }))
      .filter((site): site is { name: string; offset: number } => typeof site.name === 'string' && !site.name.startsWith('_'))
      .map((site) => ({ kind: 'bake-target', name: site.name, line: lineAtOffset(lineStarts, site.offset) }));
  }
  return readHcl(file.text)
    .filter((block) => block.type === 'target' && block.labels[0] !== undefined && !(block.labels[0] as string).startsWith('_'))
    .map((block) => ({ kind: 'bake-target', name: block.labels[0] as string, line: block.line }));
}


/** True for the compose and Bake files Docker reads without `-f` (from their folder). */
export function isDefaultBuildFile(path: string): boolean {
  return /^(docker-)?compose(\.override)?\.ya?ml$/i.test(basename(path)) || /^docker-bake(\.override)?\.(hcl|json)$/i.test(basename(path));
}
