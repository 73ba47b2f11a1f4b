import { folderRole, processShape, type ProcessShape } from './stage-process';
import { resolvedStages, shippedStages } from './stage-graph';
import type { DockerfileModel, Instruction, Stage } from './types';

/**
 * What a stage is for. Final-image rules look only at runtime stages that ship; size rules only at
 * stages whose layers ship.
 */
export type StageRole =
  /** Runs as a long-lived container: it (or its base) has a command, a port, a health check. */
  | 'runtime'
  /** Runs one job and exits, or waits to be exec'd into: a CLI, a shell, a migration. */
  | 'tool'
  /** An image tests start (a mock server, a client under test), under a test folder. */
  | 'fixture'
  /** Builds something that later stages copy. */
  | 'builder'
  /** Files to take out of the build (`--output`): FROM scratch with no command. */
  | 'export'
  /** A test, lint or check, built and thrown away. */
  | 'check'
  /** A development or debugging environment. */
  | 'dev'
  /** A base for other stages or other images (toolchain images, CI images). */
  | 'base';

/** What a workspace file says about one build of this Dockerfile (from the target index). */
export interface BuildTargetUse {
  /** The stage built; null for the default (the last stage). */
  readonly target: string | null;
  readonly targetHasVariables: boolean;
  readonly purpose: 'ship' | 'build' | 'dev' | 'test' | 'export';
  /** Where, for people: "compose.yaml:5, service web". */
  readonly source: string;
  /** The build file checks the container's health itself (a compose `healthcheck:`). */
  readonly healthChecked?: boolean;
  /** The command a compose service runs the image with, '' for the image's own; absent when the build file runs nothing. */
  readonly command?: string;
}

/** Facts about a base image the roles need: whether its default command runs a server, and its kind. */
export interface BaseImageInfo {
  readonly service?: boolean;
  readonly kind?: string;
  /** A language runtime (python, node, ruby, a JRE) whose own command is its prompt. */
  readonly interpreter?: boolean;
}

export interface StageRoleInfo {
  readonly role: StageRole;
  /** Why, in a few words: "named 'test'", "FROM scratch with no command", "compose.yaml:5 (dev)". */
  readonly because: string;
  /** What the process the image starts looks like (for runtime and tool stages). */
  readonly process?: ProcessShape;
}

const DEV_NAME = /^(dev|devel|develop|development|dev[-_]?envs?|devcontainer|debug|shell|local|tilt|sandbox|playground|workspace|tools)$|^(dev|debug)[-_]|[-_](dev|debug|devel|development|devcontainer)$/;
const CHECK_NAME =
  /^(tests?|testing|checks?|lint|linter|linters|vet|validate|validation|verify|e2e|integration|unit|outdated|govulncheck|vulncheck|audit|scan|fmt|format|shfmt|doctoc|coverage|bench|benchmark|smoketest|smoke|ci)$|^(test|tests|lint|validate|check|verify|unit|integration|e2e|smoke|bench|fmt)[-_]|[-_](test|tests|testing|lint|check|checks|validate|validation|verify|outdated|updates|coverage|fmt|smoke|smoketest|toc|e2e)$/;
/** Names people give the stage that ships. */
export const RELEASE_NAME = /^(release|runtime|run|runner|prod|production|final|app|application|server|service|image|main|default|deploy|dist|final-image|runtime-image|production-image)$/;

/**
 * What a Dockerfile's own name says of all its stages (`Dockerfile.dev`, `lint.Dockerfile`,
 * `Dockerfile.builder`), or null when the name says nothing (`Dockerfile`, `Dockerfile.alpine`).
 */
export function fileNameRole(fileName: string): StageRole | null {
  const words = fileName.toLowerCase().replace(/(^|[._-])(dockerfile|containerfile)([._-]|$)/g, '$1$3').split(/[._-]+/).filter(Boolean);
  if (words.some((w) => /^(dev|devel|develop|development|tilt|debug|devcontainer|gitpod|local|sandbox)$/.test(w))) return 'dev';
  if (words.some((w) => /^(test|tests|testing|lint|check|ci|e2e|vendor|validate|shellcheck|authors|docs|generate|govulncheck|fuzz|bench)$/.test(w))) return 'check';
  if (words.some((w) => /^(builder|build|make|tools|toolchain|cross|buildx)$/.test(w))) return 'base';
  return null;
}

/**
 * The role of every stage, with the reason. `facts` describes base images, when something knows
 * them; `filePath` is the Dockerfile's path in its workspace (`/` separators) or its name.
 */
export function stageRoles(
  model: DockerfileModel,
  uses: readonly BuildTargetUse[],
  facts: (image: string) => BaseImageInfo | null,
  filePath: string | null = null,
): StageRoleInfo[] {
  const fileName = filePath?.split('/').pop() ?? null;
  const byFileName = fileName ? fileNameRole(fileName) : null;
  const byFolder = filePath ? folderRole(filePath) : null;
  const usedAsBase = new Set<number>();
  const copiedFrom = new Set<number>();
  for (const reference of model.references) {
    // `FROM ${BASE}-base` may be any stage the pattern matches: each is a base all the same.
    for (const index of resolvedStages(reference.resolution)) (reference.kind === 'from' ? usedAsBase : copiedFrom).add(index);
  }
  const last = model.stages.length - 1;
  const purposesOf = (stage: Stage): BuildTargetUse[] =>
    uses.filter((use) => (use.target === null ? stage.index === last : use.target.toLowerCase() === stage.normalizedName));
  const roles: StageRoleInfo[] = [];
  for (const stage of model.stages) {
    const purposes = uses.length === 0 ? uses : purposesOf(stage);
    const role = roleOf(model, stage, purposes, { usedAsBase: usedAsBase.has(stage.index), copiedFrom: copiedFrom.has(stage.index), last: stage.index === last }, facts, roles);
    // A runtime stage of `Dockerfile.dev` is a dev image, unless a build file ships it; every
    // stage under a test folder is a fixture, and under `.devcontainer` a dev image.
    const shipped = purposes.some((u) => u.purpose === 'ship' || u.purpose === 'build');
    const running = role.role === 'runtime' || role.role === 'tool';
    if (byFolder && (running || byFolder.role === 'fixture') && role.role !== 'check' && role.role !== 'export') roles.push({ role: byFolder.role, because: `in the folder ${byFolder.folder}/` });
    // A `Dockerfile.dev` whose last stage runs nothing of its own is a dev image all the same.
    else if ((running || (byFileName === 'dev' && role.role === 'base' && stage.index === last)) && byFileName && !shipped) roles.push({ role: byFileName, because: `in ${fileName}` });
    else roles.push(role);
  }
  return roles;
}

/**
 * What a stage's own instructions say about its role, kept with its instruction list (the same
 * object while the stage is unchanged), so that a keystroke elsewhere does not scan it again.
 */
const shapes = new WeakMap<readonly Instruction[], { readonly command: boolean; readonly onbuild: boolean }>();

function shapeOf(stage: Stage): { readonly command: boolean; readonly onbuild: boolean } {
  let shape = shapes.get(stage.instructions);
  if (!shape) {
    shape = {
      command: stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'),
      onbuild: stage.instructions.some((i) => i.keyword === 'ONBUILD'),
    };
    shapes.set(stage.instructions, shape);
  }
  return shape;
}

function roleOf(
  model: DockerfileModel,
  stage: Stage,
  uses: readonly BuildTargetUse[],
  place: { usedAsBase: boolean; copiedFrom: boolean; last: boolean },
  facts: (image: string) => BaseImageInfo | null,
  earlier: readonly StageRoleInfo[],
): StageRoleInfo {
  const name = stage.normalizedName ?? '';
  const chain = shippedStages(model, stage);
  const hasCommand = chain.some((s) => shapeOf(s).command);
  const root = chain[0]?.baseImage?.text ?? null;
  const rootFacts = root ? facts(root) : null;
  const fromScratch = root?.toLowerCase() === 'scratch';
  const shipping = uses.find((u) => u.purpose === 'ship' || u.purpose === 'build');
  const workspace = (purpose: BuildTargetUse['purpose']): BuildTargetUse | undefined => uses.find((u) => u.purpose === purpose);

  if (fromScratch && !hasCommand) return { role: 'export', because: 'FROM scratch with no command: files to copy out, not a container' };
  const dev = workspace('dev');
  if (dev && !shipping) return { role: 'dev', because: `built for development (${dev.source})` };
  const test = workspace('test');
  const process = processShape(model, stage, chain, rootFacts?.service === true ? `its base ${root} runs a server` : null);
  // A test job that builds an image that serves validates what ships (a build check of the product).
  if (test && !shipping && process.kind !== 'server') return { role: 'check', because: `built as a check (${test.source})` };
  const exported = workspace('export');
  if (exported && !shipping) return { role: 'export', because: `its files are exported (${exported.source})` };
  if (DEV_NAME.test(name)) return { role: 'dev', because: `named '${stage.name}'` };
  // A stage built FROM a dev stage that nothing uses is that dev image with more in it; one that is
  // copied from or built on is a builder that happens to start there.
  const devBase = chain.slice(0, -1).find((s) => earlier[s.index]?.role === 'dev');
  if (devBase && !place.copiedFrom && !place.usedAsBase) return { role: 'dev', because: `built FROM the development stage '${devBase.name ?? devBase.index + 1}'` };
  if (CHECK_NAME.test(name)) return { role: 'check', because: `named '${stage.name}'` };
  if (rootFacts?.kind === 'dev') return { role: 'dev', because: `built on the development image ${root}` };
  // ONBUILD triggers run in someone else's build: the image is a base, whatever its command.
  if (!shipping && shapeOf(stage).onbuild) return { role: 'base', because: 'it has ONBUILD triggers: a base for other images' };
  // A port alone does not make a container: without a command of its own the image runs its base's.
  const runs = hasCommand || rootFacts?.service === true;
  if (runs && process.kind === 'dev') return { role: 'dev', because: process.because, process };
  const running = (because: string): StageRoleInfo =>
    process.kind === 'tool' ? { role: 'tool', because: process.because, process } : { role: 'runtime', because, process };
  if (shipping && runs) return running(`built to ship (${shipping.source})`);
  if (place.copiedFrom && !runs) return { role: 'builder', because: 'later stages copy from it' };
  if (place.usedAsBase && (!runs || !RELEASE_NAME.test(name))) return { role: 'base', because: 'later stages are built FROM it' };
  if (runs) return running(hasCommand ? process.because : `its base ${root} runs a server`);
  if (place.copiedFrom) return { role: 'builder', because: 'later stages copy from it' };
  if (!place.last) return { role: 'builder', because: 'it only builds' };
  // The last stage copies a program onto a language runtime and sets no command: compose or
  // Kubernetes start it (`command: gunicorn …`); an app image, not a base.
  if (rootFacts?.interpreter && !place.usedAsBase && chain.some((s) => s.instructions.some((i) => i.keyword === 'COPY' || i.keyword === 'ADD'))) {
    return { role: 'runtime', because: `it copies a program onto ${root}, whose runner gives the command`, process };
  }
  return { role: 'base', because: 'it sets no command: a base or tool image for other builds' };
}
