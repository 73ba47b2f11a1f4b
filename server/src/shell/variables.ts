// The variables a shell script expands and the ones it sets itself, read from its syntax tree.
import type { SyntaxNode } from './types';

/** `$NAME` or `${NAME}` (no default or other operator), at script offsets. */
export interface VariableUse {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface ShellVariables {
  /** Plain expansions, in order. One with a default (`${NAME:-x}`) or a test (`${NAME:+x}`) handles an empty value and is left out. */
  readonly uses: readonly VariableUse[];
  /** Names the script sets: assignments, `export`/`local`/`declare`/`readonly`, `for NAME in`, `read NAME`, `getopts … NAME`. */
  readonly assigned: ReadonlySet<string>;
}

/** Special parameters and names every POSIX shell sets. */
const SHELL_SET = new Set(['HOME', 'PATH', 'PWD', 'OLDPWD', 'IFS', 'PS1', 'PS2', 'PS4', 'PPID', 'OPTARG', 'OPTIND', 'LINENO', 'RANDOM', 'SECONDS', 'SHELL', 'USER', 'HOSTNAME', 'UID', 'EUID', 'BASH', 'BASH_VERSION', 'BASH_SOURCE', 'FUNCNAME', 'PIPESTATUS', 'REPLY', 'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'TERM', 'SHLVL']);

/** The variables of a parsed shell text (walked with its commands, in one parse). */
export function variablesOfTree(root: SyntaxNode): ShellVariables {
  {
    const uses: VariableUse[] = [];
    const assigned = new Set<string>(SHELL_SET);
    const walk = (node: SyntaxNode): void => {
      switch (node.type) {
        case 'simple_expansion': {
          const name = node.namedChildren.find((c) => c?.type === 'variable_name');
          if (name) uses.push({ name: name.text, start: node.startIndex, end: node.endIndex });
          return;
        }
        case 'expansion': {
          const name = node.namedChildren.find((c) => c?.type === 'variable_name');
          // `${NAME}` alone; `${NAME:-x}`, `${#NAME}`, `${NAME%x}` say what to do with an empty value or only measure it.
          if (name && node.text === `\${${name.text}}`) uses.push({ name: name.text, start: node.startIndex, end: node.endIndex });
          break;
        }
        case 'variable_assignment': {
          const name = node.childForFieldName('name');
          if (name) assigned.add(name.text.replace(/\[.*$/, ''));
          break;
        }
        case 'for_statement': {
          const variable = node.childForFieldName('variable');
          if (variable) assigned.add(variable.text);
          break;
        }
        case 'declaration_command':
          for (const child of node.namedChildren) if (child?.type === 'variable_name') assigned.add(child.text);
          break;
        case 'command': {
          const program = node.childForFieldName('name')?.text;
          if (program === 'read' || program === 'getopts') {
            for (const child of node.namedChildren.slice(1)) if (child && /^[A-Za-z_][A-Za-z0-9_]*$/.test(child.text)) assigned.add(child.text);
          }
          break;
        }
      }
      for (const child of node.children) if (child) walk(child);
    };
    walk(root);
    return { uses, assigned };
  }
}
