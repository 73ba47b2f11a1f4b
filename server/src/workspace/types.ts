/**
 * What the workspace says about building its Dockerfiles: every place that names a build target
 * (compose, Bake, CI workflows, Makefiles and scripts, dev containers, Skaffold), with the
 * Dockerfile it applies to and what the build is for. Pure data, read from file texts.
 */

/** What a build is for, as far as the file that asks for it says. */
export type TargetPurpose =
  /** Pushed or deployed: the image ships (compose services, pushes, Skaffold). */
  | 'ship'
  /** Built into an image locally, with nothing saying more (`docker build -t app .`). */
  | 'build'
  /** A development environment: dev containers, compose overrides and profiles, bind-mounted sources. */
  | 'dev'
  /** A check or test run whose image is thrown away (`output=type=cacheonly`, test workflows). */
  | 'test'
  /** Files exported to the host (`--output`, Bake `output = ["./bin"]`): never run as a container. */
  | 'export';

/** A file of the workspace, by its path relative to the workspace root (`/` separators). */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

/** Where a target is named, for messages and hovers: "compose.yaml:5, service web". */
export interface TargetSource {
  readonly file: string;
  /** 0-based line of the field that names the target (or the build), when known. */
  readonly line: number;
  readonly label: string;
}

export interface TargetReference {
  /** The Dockerfile built, relative to the workspace root. */
  readonly dockerfile: string;
  /** The stage built (`--target`); null for the default, the last stage. */
  readonly target: string | null;
  /** True when `target` is written with variables (`${TARGET}`), so it cannot be known exactly. */
  readonly targetHasVariables: boolean;
  /** The build context folder, relative to the workspace root, when the file says. */
  readonly context: string | null;
  readonly purpose: TargetPurpose;
  readonly source: TargetSource;
  /** Named build contexts the build passes (`--build-context name=…`, Bake `contexts`, compose `additional_contexts`). */
  readonly namedContexts?: readonly string[];
  /** The image names the build tags (`-t app:dev`, compose `image:`), as written. */
  readonly tags?: readonly string[];
  /** True when the file that runs the image checks its health itself (a compose `healthcheck:`). */
  readonly healthChecked?: boolean;
  /** The command a compose service runs the image with (`command:`, as one text), '' for the image's own; absent for builds that run nothing. */
  readonly command?: string;
  /** Where the target is written, when the file names one (editors complete, check and rename it there). */
  readonly targetField?: FieldSpan;
  /** Where the Dockerfile (or the context that implies it) is written. */
  readonly dockerfileField?: FieldSpan;
  /**
   * True when the Dockerfile path is surely relative to the workspace root, so a missing file is a
   * mistake; false when the build may run elsewhere (a CI job that checks out into a sub-folder).
   */
  readonly dockerfileCertain?: boolean;
}

/** A span of a workspace file's text, by offsets. */
export interface FieldSpan {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /**
   * True when the text between `start` and `end` is the value as it is meant (no variables, escapes
   * or expressions), so an edit may replace it; false when the value is computed.
   */
  readonly literal: boolean;
}

/** A file that could not be read for targets, with one line saying why. */
export interface IndexProblem {
  readonly file: string;
  readonly message: string;
}

export interface TargetIndex {
  readonly references: readonly TargetReference[];
  readonly problems: readonly IndexProblem[];
  /** The files that were read for targets. */
  readonly files: readonly string[];
}
