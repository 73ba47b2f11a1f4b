/**
 * What a RUN does, as a shell would run it: the simple commands in order, with their words. Pure
 * data, built from a shell syntax tree; rules read it instead of matching RUN text.
 */

/** The shell a RUN's text is for: the stage's `SHELL`, else `/bin/sh` (cmd on Windows bases). */
export type ShellKind = 'sh' | 'bash' | 'powershell' | 'cmd' | 'other';

/** A word of a command, with its place in the script text. */
export interface ShellWord {
  /** As written, quotes and all. */
  readonly text: string;
  /** The word after quote removal, or null when it holds an expansion (`$X`, `$(…)`, globs are kept). */
  readonly value: string | null;
  readonly start: number;
  readonly end: number;
}

/** `NAME=value` before a command or on its own. */
export interface ShellAssignment {
  readonly name: string;
  readonly value: ShellWord | null;
}

/** A file redirection: `>`, `>>`, `<`, `&>`… and the file. */
export interface Redirect {
  readonly operator: string;
  readonly target: ShellWord;
}

/** How a command is reached from the one before it. */
export type Joiner = 'start' | '&&' | '||' | ';' | '|';

export interface SimpleCommand {
  /** The program run (`apt-get` for `/usr/bin/apt-get`, through `sudo`, `env`, `xargs`), or null for words with expansions. */
  readonly program: string | null;
  /** The word that names the program, as written. */
  readonly name: ShellWord;
  /** The words after the program name. */
  readonly args: readonly ShellWord[];
  /** `VAR=value` written before the command. */
  readonly assignments: readonly ShellAssignment[];
  readonly joiner: Joiner;
  /** Inside `if`, `case`, a loop, a function, or after `||`: it may not run. */
  readonly conditional: boolean;
  /** The test of the nearest `if` or `case` around it, as written (`[ "$CI" != "true" ]`, `case $TARGETARCH`); null outside one. */
  readonly condition: string | null;
  /** Inside `$(…)`, a subshell or a pipeline but the last: its effects may stay in a child shell. */
  readonly nested: boolean;
  /** The wrapper that ran it, when it came through one (`sudo`, `env`, `xargs`, `sh -c`). */
  readonly via: string | null;
  /** File redirections (`> /etc/motd`, `>> /steps.txt`, `< input`), in order. */
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

/** A RUN read as shell. */
export interface RunScript {
  readonly shell: ShellKind;
  /** The text the shell runs (continuations joined, comment lines dropped, a heredoc body as its lines). */
  readonly text: string;
  /**
   * True when the text was read as POSIX/bash shell. False under PowerShell or cmd, for exec-form
   * RUNs of other programs, or before the parser is ready: then `commands` may be incomplete and
   * rules that need the whole picture stay silent.
   */
  readonly parsed: boolean;
  /** The parser found syntax errors (a half-typed line): commands are what could be read. */
  readonly hasErrors: boolean;
  readonly commands: readonly SimpleCommand[];
  /** The document offset of a script offset (for ranges of findings inside the RUN). */
  documentOffset(scriptOffset: number): number;
}

/** The part of a shell syntax tree node the reader uses (web-tree-sitter's Node has these). */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
  readonly hasError: boolean;
  readonly isMissing: boolean;
  childForFieldName(name: string): SyntaxNode | null;
  fieldNameForChild(index: number): string | null;
}

/** Parses shell text and hands the root to `read`; the tree lives only during the call. */
export interface ShellParser {
  parse<T>(text: string, read: (root: SyntaxNode) => T): T;
}
