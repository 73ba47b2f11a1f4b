import {
  DockerfileParser,
  Instruction as AstInstructionClass,
  type Argument,
  type Flag,
  type Heredoc as AstHeredoc,
  type Instruction as AstInstruction,
} from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { comparePositions, compactRange, shiftRange } from './positions';
import type { FlagOption, Heredoc, Instruction, InstructionFlag, TextSpan } from './types';

/**
 * dockerfile-ast reads an instruction's words again for each accessor (arguments, flags, heredocs,
 * the JSON form; some of them while parsing): a long RUN was read five or six times, a fifth of a
 * real file's analysis. An instruction's text never changes after the parse, so its words are
 * read once and kept with it; each caller gets its own copy of the list (dockerfile-ast shifts
 * the flags off it).
 */
const WORDS = Symbol('words');
const instructionPrototype = AstInstructionClass.prototype as unknown as { getRawArguments: () => Argument[]; [WORDS]?: Argument[] };
const readWords = instructionPrototype.getRawArguments;
instructionPrototype.getRawArguments = function (this: { [WORDS]?: Argument[] }): Argument[] {
  this[WORDS] ??= readWords.call(this);
  return this[WORDS].slice();
};

/** What the model keeps of one chunk's parse, in chunk-relative lines. */
export interface ParsedChunk {
  readonly instructions: readonly Instruction[];
}

/**
 * Parses one chunk with dockerfile-ast and moves every position by `lineDelta` lines: the chunk's
 * first document line, less any lines prepended to the text (an escape directive, so that a
 * stage chunk is read with the file's escape character).
 */
export function parseChunk(text: string, lineDelta: number, strings: Map<string, string> = new Map()): ParsedChunk {
  const instructions = safely(() => DockerfileParser.parse(text).getInstructions(), [] as AstInstruction[]).flatMap((instruction) =>
    safely(() => [toInstruction(instruction, lineDelta, strings)], [] as Instruction[]),
  );
  return { instructions };
}

/** One shared empty list: most instructions have no flags and no heredocs. */
const NONE: readonly never[] = Object.freeze([]);

function listOrNone<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items;
}

/** The instructions with every range moved by `lineDelta` lines. */
export function shiftInstructions(instructions: readonly Instruction[], lineDelta: number): Instruction[] {
  if (lineDelta === 0) return instructions.slice();
  return instructions.map((instruction) => ({
    keyword: instruction.keyword,
    keywordRange: shiftRange(instruction.keywordRange, lineDelta),
    range: shiftRange(instruction.range, lineDelta),
    args: listOrNone(instruction.args.map((arg) => shiftSpan(arg, lineDelta))),
    flags: listOrNone(instruction.flags.map((flag) => shiftFlag(flag, lineDelta))),
    heredocs: listOrNone(instruction.heredocs.map((heredoc) => ({
      name: heredoc.name,
      markerRange: shiftRange(heredoc.markerRange, lineDelta),
      contentRange: heredoc.contentRange && shiftRange(heredoc.contentRange, lineDelta),
      delimiterRange: heredoc.delimiterRange && shiftRange(heredoc.delimiterRange, lineDelta),
    }))),
    jsonForm: instruction.jsonForm,
  }));
}

/**
 * dockerfile-ast can throw on odd input (its heredoc reader fails on `RUN <<EOT bash` followed by a
 * lone escape line, for one). Each accessor is guarded so that parsing never throws: what cannot
 * be read is left out of the instruction.
 */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function toInstruction(instruction: AstInstruction, lineDelta: number, strings: Map<string, string>): Instruction {
  const astHeredocs = safely(() => readHeredocs(instruction), []);
  const heredocs = astHeredocs.map((heredoc) => toHeredoc(heredoc, lineDelta));
  // Compared in the parser's own lines, before the shift.
  const firstBody = astHeredocs[0]?.getContentRange()?.start ?? astHeredocs[0]?.getDelimiterRange()?.start;
  const args = safely(() => instruction.getArguments(), [] as Argument[])
    .filter((arg: Argument) => !firstBody || comparePositions(arg.getRange().start, firstBody) < 0)
    .map((arg: Argument) => span(intern(strings, arg.getValue()), arg.getRange(), lineDelta));
  return {
    keyword: instruction.getKeyword(),
    keywordRange: compactRange(instruction.getInstructionRange(), lineDelta),
    range: compactRange(instruction.getRange(), lineDelta),
    args: listOrNone(args),
    flags: listOrNone(safely(() => readFlags(instruction).map((flag) => toFlag(flag, lineDelta, strings)), [])),
    heredocs: listOrNone(heredocs),
    jsonForm: safely(() => isJsonForm(instruction), false),
  };
}

function readFlags(instruction: AstInstruction): Flag[] {
  const withFlags = instruction as AstInstruction & { getFlags?: () => Flag[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

function readHeredocs(instruction: AstInstruction): AstHeredoc[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return [];
  const withHeredocs = instruction as AstInstruction & { getHeredocs(): AstHeredoc[] };
  return withHeredocs.getHeredocs();
}

function isJsonForm(instruction: AstInstruction): boolean {
  const withJson = instruction as AstInstruction & { getOpeningBracket?: () => unknown; getClosingBracket?: () => unknown };
  return typeof withJson.getOpeningBracket === 'function' && withJson.getOpeningBracket() !== null && withJson.getClosingBracket?.() !== null;
}

function toFlag(flag: Flag, lineDelta: number, strings: Map<string, string>): InstructionFlag {
  const options: FlagOption[] = flag.getOptions().map((option) => ({
    name: intern(strings, option.getName()),
    value: internNullable(strings, option.getValue()),
    range: compactRange(option.getRange(), lineDelta),
    nameRange: compactRange(option.getNameRange(), lineDelta),
    valueRange: compactNullable(option.getValueRange(), lineDelta),
  }));
  return {
    name: intern(strings, flag.getName()),
    value: internNullable(strings, flag.getValue()),
    range: compactRange(flag.getRange(), lineDelta),
    nameRange: compactRange(flag.getNameRange(), lineDelta),
    valueRange: compactNullable(flag.getValueRange(), lineDelta),
    options: listOrNone(options),
  };
}

function toHeredoc(heredoc: AstHeredoc, lineDelta: number): Heredoc {
  return {
    name: heredoc.getName(),
    markerRange: compactRange(heredoc.getStartRange(), lineDelta),
    contentRange: compactNullable(heredoc.getContentRange(), lineDelta),
    delimiterRange: compactNullable(heredoc.getDelimiterRange(), lineDelta),
  };
}

function shiftFlag(flag: InstructionFlag, lineDelta: number): InstructionFlag {
  return {
    name: flag.name,
    value: flag.value,
    range: shiftRange(flag.range, lineDelta),
    nameRange: shiftRange(flag.nameRange, lineDelta),
    valueRange: shiftNullable(flag.valueRange, lineDelta),
    options: flag.options.map((option) => ({
      name: option.name,
      value: option.value,
      range: shiftRange(option.range, lineDelta),
      nameRange: shiftRange(option.nameRange, lineDelta),
      valueRange: shiftNullable(option.valueRange, lineDelta),
    })),
  };
}

function span(value: string, r: Range, lineDelta: number): TextSpan {
  return { value, range: compactRange(r, lineDelta) };
}

/**
 * The same text once: arguments repeat a lot across stages (`apt-get`, `&&`, paths), and each
 * string costs a header on top of its characters. Flattened first, see `flat`.
 */
function intern(strings: Map<string, string>, value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  const own = flat(value);
  strings.set(own, own);
  return own;
}

function internNullable(strings: Map<string, string>, value: string | null): string | null {
  return value === null ? null : intern(strings, value);
}

function compactNullable(r: Range | null, lineDelta: number): Range | null {
  return r ? compactRange(r, lineDelta) : null;
}

/**
 * dockerfile-ast builds values by concatenation; a concatenated string keeps all its pieces alive,
 * which costs several times the text on a large file. Reading one character makes V8 flatten it.
 */
function flat(value: string): string {
  if (value.length > 1) value.charCodeAt(0);
  return value;
}

function shiftSpan(s: TextSpan, lineDelta: number): TextSpan {
  return { value: s.value, range: shiftRange(s.range, lineDelta) };
}

function shiftNullable(r: Range | null, lineDelta: number): Range | null {
  return r ? shiftRange(r, lineDelta) : null;
}
