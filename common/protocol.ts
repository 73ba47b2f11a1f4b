/** Messages between the extension and the server beyond LSP, shared by both sides. */

/** `dockerfileStages/stages`: the stages of a document, for code lenses, the target picker and the Stages view. */
export const STAGES_REQUEST = 'dockerfileStages/stages';

export interface StagesParams {
  readonly uri: string;
}

export interface StageInfo {
  readonly index: number;
  readonly name: string | null;
  /** 0-based line of the stage's FROM. */
  readonly line: number;
  readonly baseImage: string | null;
  /** Indexes of the earlier stages it builds on, copies from or mounts. */
  readonly dependencies: readonly number[];
  /** How it uses each of them, as written: `FROM`, `COPY --from`, `RUN --mount from`. */
  readonly uses?: readonly { readonly stage: number; readonly how: 'FROM' | 'COPY --from' | 'RUN --mount from' }[];
  /** The ports its image exposes (`EXPOSE`, through its FROM chain), without the protocol: `8080`, `53/udp`. */
  readonly exposes?: readonly string[];
  /** What the stage is for: runtime, tool, builder, base, export, check, dev or fixture. */
  readonly role: string;
  /** Why, in a few words ("named 'test'", "later stages copy from it"). */
  readonly roleReason: string;
  /** Why its image ships ("compose.yaml:5, service web ships it"), or null when it does not. */
  readonly ships: string | null;
  /** Whether it runs as a deployed process (a runtime that ships, not a tool or a base image). */
  readonly deployed?: boolean;
  /** Its instructions in order, `FROM` first: where each is and its keyword (to put build results on their lines). */
  readonly instructions?: readonly { readonly line: number; readonly endLine: number; readonly keyword: string }[];
}

/** A build of this Dockerfile that a workspace file names. */
export interface WorkspaceTargetInfo {
  /** The stage built; null for the default (the last stage). */
  readonly target: string | null;
  /** ship, build, dev, test or export. */
  readonly purpose: string;
  /** "compose.yaml:5, service web". */
  readonly source: string;
}

export interface StagesResult {
  readonly stages: readonly StageInfo[];
  /** Index of the stage that is built when no target is chosen (the last one), or -1. */
  readonly defaultTarget: number;
  /** The builds the workspace's files name (compose, Bake, CI, scripts, dev containers). */
  readonly workspaceTargets: readonly WorkspaceTargetInfo[];
  /** The `target` of the `.dockerfile-stages.json` that applies, with its stage index (null: no such stage). */
  readonly configuredTarget?: { readonly target: string; readonly index: number | null; readonly file: string };
}

/** `dockerfileStages/setTarget`: the stage the user builds; the "final stage" rules check it. */
export const SET_TARGET_NOTIFICATION = 'dockerfileStages/setTarget';

export interface SetTargetParams {
  readonly uri: string;
  /** A stage name or `#<index>`; null goes back to the last stage. */
  readonly target: string | null;
}

/** `dockerfileStages/otherTools`: Container Tools or Docker DX was installed, enabled or removed. */
export const OTHER_TOOLS_NOTIFICATION = 'dockerfileStages/otherTools';

export interface OtherToolsParams {
  /** `containerTools` and `dockerDX`, when installed and enabled. */
  readonly tools: readonly string[];
}

/**
 * How a stage is named to people, everywhere (lenses, status bar, views, outline, messages): its
 * name, else `stage 2 (node:22)`, counted from 1. BuildKit's 0-based index (`--from=1`) is never shown.
 */
export function stageLabel(stage: { readonly name: string | null; readonly index: number; readonly baseImage?: string | null }): string {
  return stage.name ?? `stage ${stage.index + 1}${stage.baseImage ? ` (${stage.baseImage})` : ''}`;
}

/** `#2` for an unnamed stage, its name otherwise: how a chosen target is stored and sent (not shown). */
export function stageKey(stage: { readonly name: string | null; readonly index: number }): string {
  return stage.name ?? `#${stage.index}`;
}

/** `dockerfileStages/checkProjectConfig`: what is wrong in a `.dockerfile-stages.json` beyond its JSON schema. */
export const CHECK_PROJECT_CONFIG_REQUEST = 'dockerfileStages/checkProjectConfig';

export interface CheckProjectConfigParams {
  readonly uri: string;
  /** The editor's text of the file. */
  readonly text: string;
}

export interface CheckProjectConfigResult {
  readonly problems: readonly { readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } }; readonly message: string }[];
}

/** `dockerfileStages/memory`: what the server holds, after a full collection (bug reports, the leak test). */
export const MEMORY_REQUEST = 'dockerfileStages/memory';

export interface MemoryResult {
  /** Whether a full collection could be forced before measuring. */
  readonly collected: boolean;
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
}

/** `dockerfileStages/lookUpImages`: look the document's base images up in their registries (the user asked). */
export const LOOK_UP_IMAGES_REQUEST = 'dockerfileStages/lookUpImages';

export interface LookUpImagesParams {
  readonly uri: string;
}

export interface LookUpImagesResult {
  /** Every base image asked for, with the reason when it failed. */
  readonly images: readonly { readonly image: string; readonly error?: string }[];
  /** Set when the look-up is turned off (`dockerfileStages.images.lookUp` is `never`) or there was nothing to do. */
  readonly refused?: string;
  /** Set when the answers could not be written to the disk cache. */
  readonly cacheProblem?: string;
}

/** What a compose or Bake file can build by name, for its build lenses. */
export const BUILD_SITES_REQUEST = 'dockerfileStages/buildSites';

export interface BuildSitesParams {
  readonly uri: string;
}

export interface BuildSiteInfo {
  readonly kind: 'compose-service' | 'bake-target';
  readonly name: string;
  /** 0-based line of its name. */
  readonly line: number;
}

export interface BuildSitesResult {
  readonly sites: readonly BuildSiteInfo[];
  /** True when Docker reads the file without `-f` from its folder (compose.yaml, docker-bake.hcl and their overrides). */
  readonly defaultFile: boolean;
  /** For a compose file that is neither: the base compose file of its folder, which `-f` must name first. */
  readonly baseFile: string | null;
}
