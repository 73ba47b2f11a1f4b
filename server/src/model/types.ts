import type { Range } from 'vscode-languageserver-types';

/** A piece of text and where it stands in the document. */
export interface TextSpan {
  readonly value: string;
  readonly range: Range;
}

/** A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`). */
export interface ParserDirective {
  /** Lower-case, as BuildKit compares them. */
  readonly name: string;
  readonly value: string;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range;
}

export interface FlagOption {
  readonly name: string;
  readonly value: string | null;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range | null;
}

/** An instruction flag such as `--from=build` or `--mount=type=cache,target=/root/.cache`. */
export interface InstructionFlag {
  readonly name: string;
  readonly value: string | null;
  readonly range: Range;
  readonly nameRange: Range;
  readonly valueRange: Range | null;
  /** The comma-separated `key=value` options of the value (used by `--mount`). */
  readonly options: readonly FlagOption[];
}

export interface Heredoc {
  readonly name: string;
  /** The `<<EOF` marker on the instruction line. */
  readonly markerRange: Range;
  readonly contentRange: Range | null;
  /** The closing delimiter line; null when the heredoc is not terminated. */
  readonly delimiterRange: Range | null;
}

export interface Instruction {
  /** Upper-case keyword (`RUN`), whatever the case it was written in. */
  readonly keyword: string;
  readonly keywordRange: Range;
  /** The whole instruction, continuation lines and heredoc bodies included. */
  readonly range: Range;
  /** Arguments after the flags, not counting heredoc bodies. */
  readonly args: readonly TextSpan[];
  readonly flags: readonly InstructionFlag[];
  readonly heredocs: readonly Heredoc[];
  /** True for the exec (JSON array) form, e.g. `CMD ["node", "server.js"]`. */
  readonly jsonForm: boolean;
}

/** An image reference split the way Docker reads it (`registry/repository:tag@digest`). */
export interface ImageReference {
  readonly text: string;
  readonly range: Range;
  /** Null when the reference names no registry (Docker Hub is then implied). */
  readonly registry: TextSpan | null;
  readonly repository: TextSpan;
  readonly tag: TextSpan | null;
  readonly digest: TextSpan | null;
  /** True when the text uses `$VAR` / `${VAR}` and so cannot be known without resolving variables. */
  readonly hasVariables: boolean;
}

export interface Stage {
  readonly index: number;
  /** The name as written after `AS`, or null for an unnamed stage. */
  readonly name: string | null;
  /** The name as BuildKit compares it (lower-case). */
  readonly normalizedName: string | null;
  readonly nameRange: Range | null;
  readonly from: Instruction;
  /** The `FROM` image (or earlier stage name); null when `FROM` has no argument yet. */
  readonly baseImage: ImageReference | null;
  readonly platform: TextSpan | null;
  /** From the `FROM` keyword to the end of the stage's last instruction. */
  readonly range: Range;
  /** First and last document line of the stage's text, trailing comments and blank lines included. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The stage's instructions, `FROM` first. */
  readonly instructions: readonly Instruction[];
}

export type ReferenceKind = 'copy-from' | 'from' | 'mount-from';

/** What a stage reference points at. */
export type ReferenceResolution =
  | { readonly kind: 'stage'; readonly stage: number; readonly byIndex: boolean }
  | { readonly kind: 'forward'; readonly stage: number; readonly byIndex: boolean }
  | { readonly kind: 'self'; readonly stage: number; readonly byIndex: boolean }
  | { readonly kind: 'image'; readonly image: ImageReference }
  /**
   * Written with variables (`FROM binaries-${TARGETOS}`, `--from=${STAGE}`): `candidates` are the
   * earlier stages the text can name whatever the variables hold, in document order.
   */
  | { readonly kind: 'variable'; readonly candidates: readonly number[] }
  | { readonly kind: 'unknown' };

/** `COPY --from=<x>`, `FROM <earlier stage>` or `RUN --mount=…,from=<x>`. */
export interface StageReference {
  readonly kind: ReferenceKind;
  readonly text: string;
  readonly range: Range;
  /** Index of the stage the reference is written in. */
  readonly fromStage: number;
  readonly instruction: Instruction;
  readonly resolution: ReferenceResolution;
}

/** An `ARG` declared before the first `FROM`. */
export interface GlobalArg {
  readonly name: string;
  readonly nameRange: Range;
  /** The default without the quotes around it, if any; null for `ARG NAME`. */
  readonly defaultValue: string | null;
  /** The default as written (quotes, escapes and variables kept), for the word lexer; null for `ARG NAME`. */
  readonly writtenDefault: string | null;
  readonly instruction: Instruction;
}

export type SyntaxProblemCode = 'unterminated-heredoc';

export interface SyntaxProblem {
  readonly code: SyntaxProblemCode;
  readonly message: string;
  readonly range: Range;
}

/** A comment that speaks to a linter (`# dockerfile-stages ignore=…`, `# hadolint ignore=…`). */
export interface PragmaComment {
  readonly line: number;
  /** The comment from its `#`. */
  readonly text: string;
  /** First line of the instruction that follows it, or -1 when none does. */
  readonly nextInstructionLine: number;
}

export interface DockerfileModel {
  readonly text: string;
  /** Offset of the first character of each line; its length is the line count. */
  readonly lineStarts: readonly number[];
  readonly escapeChar: string;
  readonly directives: readonly ParserDirective[];
  /** Instructions before the first `FROM` (global `ARG`s, and anything misplaced there). */
  readonly preamble: readonly Instruction[];
  readonly globalArgs: readonly GlobalArg[];
  readonly stages: readonly Stage[];
  readonly references: readonly StageReference[];
  /** Lower-case stage name -> index of the first stage with that name. */
  readonly stageIndexByName: ReadonlyMap<string, number>;
  readonly problems: readonly SyntaxProblem[];
  readonly pragmas: readonly PragmaComment[];
  /** Blank lines inside a continued instruction. */
  readonly blankContinuationLines: readonly number[];
}
