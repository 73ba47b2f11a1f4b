import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Platform } from '../words/platform';
import type { ImageFacts, SourcedFacts } from '../images/image-facts';
import type { Shipping } from '../model/shipping';
import type { DockerfileModel, Stage } from '../model/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleTag = 'unnecessary' | 'deprecated';

/** A fix a rule offers with its problem: plain text edits, shared by the editor, fix-all and the CLI. */
export interface Fix {
  /** What the quick-fix menu shows, e.g. "Use 'builder'". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The safest fix of a problem; the editor marks it preferred and fix-all applies it. */
  readonly preferred?: boolean;
  /**
   * Set for fixes that need the user to fill something in (a snippet placeholder) or that change
   * meaning; fix-all and `--fix` never apply them.
   */
  readonly unsafe?: boolean;
  /** The edits' text is snippet syntax (`${1:version}`): the editor puts the cursor on the placeholder. */
  readonly snippet?: boolean;
  /** New files, with paths relative to the Dockerfile's folder; never overwrites an existing file. */
  readonly createFiles?: readonly { readonly path: string; readonly content: string }[];
}

export interface ReportedProblem {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** True only on a branch a build argument chooses (`if [ "$DEBUG" = true ]`): reported a level below the rule's. */
  readonly lowered?: boolean;
}

/**
 * What the rules may know of the build context (the folder `docker build` sends), provided by the
 * edge (the editor or the CLI); the analysis never reads files itself.
 */
export interface BuildContext {
  /** The `.dockerignore` that applies (`<Dockerfile>.dockerignore` first), or null when there is none. */
  readonly dockerignore: string | null;
  /** Paths in the context, relative, with `/` separators (a bounded listing, top levels first). */
  readonly entries: readonly string[];
  /**
   * True when nothing names the context and the edge assumed the Dockerfile's folder; the engine
   * then uses it only if the files the Dockerfile copies by name are there.
   */
  readonly assumed?: boolean;
  /** The start of a file of the context (a bounded read), or null when it is missing or unreadable. */
  readonly readFile?: (path: string) => string | null;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  /**
   * What ships and what every stage is for. Rules about a running server look at `shipping.shipped`
   * (deployed processes), rules about an image's contents at `shipping.images`, size rules at
   * `shipping.layerStages`; nothing ships when nothing is known.
   */
  readonly shipping: Shipping;
  /**
   * The stages BuildKit builds for the chosen target (the last stage by default): what its own
   * build checks look at, for the rules that mean the same.
   */
  readonly neededStages: ReadonlySet<number>;
  /** The workspace files read for build targets (compose, Bake, CI…); empty when none were. */
  readonly targetFiles: readonly string[];
  /** What is known of a base image (built-in table, local engine, registry), with its source. */
  imageFacts(image: string): SourcedFacts | null;
  /** Image names the workspace builds and tags itself (normalized, no tag): local images, not pulls. */
  readonly localImages: ReadonlySet<string>;
  /** Named build contexts the workspace's builds pass (lower-case): `COPY --from=<name>` reads them. */
  readonly namedContexts: ReadonlySet<string>;
  /** The target platform the automatic build arguments (TARGETARCH…) take. */
  readonly platform: Platform;
  /** The build context, or null when it is not known (an unsaved document, stdin). */
  readonly buildContext: BuildContext | null;
  report(problem: ReportedProblem): void;
}

export interface Rule {
  /** Stable kebab-case id; also the name of the rule's file and of its doc page. */
  readonly id: string;
  /** One line, shown on hover and in the rule list. */
  readonly summary: string;
  readonly severity: Severity;
  readonly tags?: readonly RuleTag[];
  /** hadolint rules that mean the same; their `# hadolint ignore=` comments apply to this rule. */
  readonly hadolint?: readonly string[];
  /** The BuildKit build check that means the same; `# check=skip=<Name>` applies to this rule. */
  readonly buildkit?: string;
  /** A check of the whole document: cross-stage facts, the preamble, the stage that ships. */
  check?(context: RuleContext): void;
  /**
   * A check of one stage that reads only that stage (its instructions and their text). Its
   * problems are kept with the stage and reused while the stage's text, place and index stay the
   * same, so an edit re-checks the stage it touched, not the whole file.
   */
  checkStage?(context: StageCheckContext): void;
  /**
   * What else `checkStage` depends on, as a string compared between runs (e.g. the variables a
   * stage inherits from the stage it is built FROM). Leave it out when the stage is all it reads.
   */
  stageInputs?(model: DockerfileModel, stage: Stage): string;
}

export interface StageCheckContext {
  readonly model: DockerfileModel;
  readonly stage: Stage;
  report(problem: ReportedProblem): void;
}

/** Facts of the image at the bottom of a chain of stages, when known. */
export type FactsOf = (image: string) => ImageFacts | null;

/** Declares a rule; a function rather than a bare object so that every rule file reads the same. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
