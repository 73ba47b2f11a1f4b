import type { Joiner, Redirect, ShellAssignment, ShellParser, ShellWord, SimpleCommand, SyntaxNode } from './types';

/** Programs that run the command after their own options: the command model looks through them. */
const WRAPPERS: Record<string, { readonly valueOptions: ReadonlySet<string>; readonly skipFirst?: number }> = {
  sudo: { valueOptions: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group']) },
  env: { valueOptions: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']) },
  xargs: { valueOptions: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs']) },
  nice: { valueOptions: new Set(['-n', '--adjustment']) },
  nohup: { valueOptions: new Set() },
  exec: { valueOptions: new Set(['-a']) },
  command: { valueOptions: new Set() },
  time: { valueOptions: new Set(['-f', '-o']) },
  timeout: { valueOptions: new Set(['-k', '-s', '--kill-after', '--signal']), skipFirst: 1 },
  'gosu': { valueOptions: new Set(), skipFirst: 1 },
  'su-exec': { valueOptions: new Set(), skipFirst: 1 },
  stdbuf: { valueOptions: new Set(['-i', '-o', '-e']) },
};
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);
/** How deep `sh -c "…"` inside `sh -c "…"` is followed. */
const MAX_NESTING = 3;

interface Place {
  readonly joiner: Joiner;
  readonly conditional: boolean;
  readonly nested: boolean;
  readonly condition: string | null;
}

/** The simple commands of a shell text, in the order they appear, read from its syntax tree. */
export function readCommands(parser: ShellParser, text: string, depth = 0): { commands: SimpleCommand[]; hasErrors: boolean } {
  return parser.parse(text, (root) => commandsOfTree(root, parser, depth));
}

/** The simple commands of a parsed shell text (for readers that walk the same tree for more). */
export function commandsOfTree(root: SyntaxNode, parser: ShellParser, depth = 0): { commands: SimpleCommand[]; hasErrors: boolean } {
  {
    const commands: SimpleCommand[] = [];
    const visit = (node: SyntaxNode, place: Place): void => statement(node, place, commands, parser, depth);
    let joiner: Joiner = 'start';
    for (const child of root.children) {
      if (!child) continue;
      if (child.type === ';' || child.type === '&') {
        joiner = ';';
        continue;
      }
      visit(child, { joiner, conditional: false, nested: false, condition: null });
      joiner = ';';
    }
    return { commands, hasErrors: root.hasError };
  }
}

function statement(node: SyntaxNode, place: Place, out: SimpleCommand[], parser: ShellParser, depth: number): void {
  const visit = (child: SyntaxNode, next: Place): void => statement(child, next, out, parser, depth);
  switch (node.type) {
    case 'comment':
    case 'heredoc_body':
    case 'heredoc_start':
    case 'heredoc_end':
      return;
    case 'command':
      simpleCommand(node, place, out, parser, depth);
      return;
    case 'declaration_command':
    case 'unset_command':
      declaration(node, place, out);
      return;
    case 'variable_assignment':
      expansionsIn(node, place, out, parser, depth);
      return;
    case 'list': {
      // `a && b`, `a || b`: what follows `||` runs only when the left side failed.
      let joiner = place.joiner;
      let afterOr = false;
      for (const child of node.children) {
        if (!child) continue;
        if (child.type === '&&' || child.type === '||') {
          joiner = child.type;
          afterOr = afterOr || child.type === '||';
          continue;
        }
        visit(child, { ...place, joiner, conditional: place.conditional || afterOr });
      }
      return;
    }
    case 'pipeline': {
      const parts = node.children.filter((c): c is SyntaxNode => c !== null && c.type !== '|' && c.type !== '|&');
      parts.forEach((part, i) => visit(part, { ...place, joiner: i === 0 ? place.joiner : '|', nested: place.nested || i < parts.length - 1 }));
      return;
    }
    case 'redirected_statement': {
      const body = node.childForFieldName('body');
      const before = out.length;
      if (body) visit(body, place);
      // The redirections apply to the statement; the command model keeps them on its last command.
      const last = out[out.length - 1];
      if (last && out.length > before) out[out.length - 1] = { ...last, redirects: [...last.redirects, ...fileRedirects(node)] };
      return;
    }
    case 'negated_command':
    case 'compound_statement':
    case 'subshell': {
      let joiner = place.joiner;
      for (const child of node.namedChildren) {
        if (!child) continue;
        visit(child, { ...place, joiner, nested: place.nested || node.type === 'subshell' });
        joiner = ';';
      }
      return;
    }
    default: {
      // if/elif/else, loops, case, functions, test commands: what is inside may or may not run.
      const conditional = place.conditional || /^(if_statement|elif_clause|else_clause|while_statement|for_statement|c_style_for_statement|case_statement|case_item|function_definition|do_group)$/.test(node.type);
      // The test an if or case branches on: what a finding inside it depends on.
      const test = node.type === 'if_statement' ? node.childForFieldName('condition') : node.type === 'case_statement' ? node.childForFieldName('value') : null;
      const condition = test ? (node.type === 'case_statement' ? `case ${test.text}` : test.text.replace(/\s*;\s*$/, '')) : place.condition;
      let joiner = place.joiner;
      for (const child of node.namedChildren) {
        if (!child) continue;
        visit(child, { ...place, joiner, conditional, condition });
        joiner = ';';
      }
    }
  }
}

function simpleCommand(node: SyntaxNode, place: Place, out: SimpleCommand[], parser: ShellParser, depth: number): void {
  const assignments: ShellAssignment[] = [];
  let nameNode: SyntaxNode | null = null;
  const argNodes: SyntaxNode[] = [];
  node.children.forEach((child, i) => {
    if (!child) return;
    const field = node.fieldNameForChild(i);
    if (child.type === 'variable_assignment') assignments.push(assignment(child));
    else if (field === 'name') nameNode = child;
    else if (field === 'argument') argNodes.push(child);
  });
  // Commands inside `$(…)` in the words run too, before this one.
  expansionsIn(node, { ...place, nested: true }, out, parser, depth);
  const name = nameNode as SyntaxNode | null;
  if (!name || (name as SyntaxNode).isMissing) return;
  const words = [word(name), ...argNodes.map(word)];
  pushCommand(words, assignments, place, node, out, parser, depth, null);
}

/** `export A=1 B`, `local`, `declare`, `readonly`, `unset`: a command named by its keyword. */
function declaration(node: SyntaxNode, place: Place, out: SimpleCommand[]): void {
  const keyword = node.children[0];
  if (!keyword) return;
  const args = node.namedChildren.filter((c): c is SyntaxNode => c !== null).map(word);
  const name: ShellWord = { text: keyword.text, value: keyword.text, start: keyword.startIndex, end: keyword.endIndex };
  out.push({ program: keyword.text, name, args, assignments: [], ...place, via: null, redirects: [], start: node.startIndex, end: node.endIndex });
}

function pushCommand(words: ShellWord[], assignments: ShellAssignment[], place: Place, node: SyntaxNode, out: SimpleCommand[], parser: ShellParser, depth: number, via: string | null): void {
  let rest = words;
  let wrapper = via;
  // Look through sudo/env/xargs/…: `sudo -u app npm ci` runs npm.
  for (let guard = 0; guard < 4; guard++) {
    const program = programName(rest[0]);
    const spec = program ? WRAPPERS[program] : undefined;
    if (!spec) break;
    let i = 1;
    while (i < rest.length) {
      const value = rest[i]?.value ?? '';
      if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
        const at = value.indexOf('=');
        const whole = rest[i] as ShellWord;
        assignments.push({ name: value.slice(0, at), value: { ...whole, value: value.slice(at + 1) } });
        i++;
      } else if (value.startsWith('-') && value !== '-' && value !== '--') i += spec.valueOptions.has(value) ? 2 : 1;
      else break;
    }
    if (rest[i]?.value === '--') i++;
    i += spec.skipFirst ?? 0;
    if (i >= rest.length) break;
    wrapper = program;
    rest = rest.slice(i);
  }
  const first = rest[0] as ShellWord;
  const program = programName(first);
  // `sh -c "apt-get update && …"`: the literal script is read as commands too.
  if (program && SHELLS.has(program) && depth < MAX_NESTING) {
    const c = rest.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value ?? ''));
    const script = c > 0 ? rest[c + 1] : undefined;
    if (script?.value != null) {
      const quoteWidth = script.text.length > script.value.length && /^['"]/.test(script.text) ? 1 : 0;
      const inner = readCommands(parser, script.value, depth + 1).commands;
      for (const command of inner) out.push(shifted(command, script.start + quoteWidth, place, program));
    }
  }
  out.push({ program, name: first, args: rest.slice(1), assignments, ...place, via: wrapper, redirects: [], start: node.startIndex, end: node.endIndex });
}

/** A command read from a nested script, moved to where that script sits. */
function shifted(command: SimpleCommand, by: number, place: Place, via: string): SimpleCommand {
  const move = (w: ShellWord): ShellWord => ({ ...w, start: w.start + by, end: w.end + by });
  return {
    ...command,
    name: move(command.name),
    args: command.args.map(move),
    assignments: command.assignments.map((a) => ({ name: a.name, value: a.value ? move(a.value) : null })),
    redirects: command.redirects.map((r) => ({ operator: r.operator, target: move(r.target) })),
    conditional: command.conditional || place.conditional,
    nested: command.nested || place.nested,
    joiner: command.joiner === 'start' ? place.joiner : command.joiner,
    via: command.via ?? via,
    start: command.start + by,
    end: command.end + by,
  };
}

function expansionsIn(node: SyntaxNode, place: Place, out: SimpleCommand[], parser: ShellParser, depth: number): void {
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command_substitution' || child.type === 'process_substitution') {
      let joiner: Joiner = place.joiner;
      for (const inner of child.namedChildren) {
        if (!inner) continue;
        statement(inner, { ...place, joiner, nested: true }, out, parser, depth);
        joiner = ';';
      }
    } else if (child.type !== 'command') expansionsIn(child, place, out, parser, depth);
  }
}

/** The `file_redirect`s of a redirected statement (also those nested in a heredoc redirect). */
function fileRedirects(node: SyntaxNode): Redirect[] {
  const found: Redirect[] = [];
  node.children.forEach((child, i) => {
    if (!child || node.fieldNameForChild(i) === 'body') return;
    if (child.type === 'file_redirect') {
      const destination = child.childForFieldName('destination');
      const operator = child.children.find((c) => c !== null && /^[<>&|]+$/.test(c.type))?.type ?? '>';
      if (destination) found.push({ operator, target: word(destination) });
    } else if (child.type === 'heredoc_redirect') found.push(...fileRedirects(child));
  });
  return found;
}

function assignment(node: SyntaxNode): ShellAssignment {
  const name = node.childForFieldName('name')?.text ?? node.text.split('=')[0] ?? '';
  const value = node.childForFieldName('value');
  return { name, value: value ? word(value) : null };
}

function programName(w: ShellWord | undefined): string | null {
  if (!w || w.value === null) return null;
  return w.value.replace(/^.*\//, '') || null;
}

/** A word as the shell sees it after quote removal; null value when it expands anything. */
export function word(node: SyntaxNode): ShellWord {
  return { text: node.text, value: literal(node), start: node.startIndex, end: node.endIndex };
}

function literal(node: SyntaxNode): string | null {
  switch (node.type) {
    case 'word':
    case 'command_name':
    case 'number':
      if (node.type === 'command_name') {
        const inner = node.namedChildren[0];
        return inner ? literal(inner) : node.text;
      }
      return node.namedChildren.some((c) => c !== null && /expansion|substitution/.test(c.type)) ? null : node.text.replace(/\\(.)/g, '$1');
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return null;
    case 'string': {
      let value = '';
      for (const child of node.children) {
        if (!child || child.type === '"') continue;
        if (child.type !== 'string_content') return null;
        value += child.text.replace(/\\([$`"\\\n])/g, '$1');
      }
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        const part = literal(child);
        if (part === null) return null;
        value += part;
      }
      return value;
    }
    default:
      return null;
  }
}
