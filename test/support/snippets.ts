/**
 * Expands a VS Code snippet body the way accepting it without typing does: each tab stop and
 * placeholder takes its default (the first one given anywhere for that number), a choice takes
 * its first option, variables their default or nothing, and `\$`, `\}`, `\\` become literal.
 * Throws on syntax VS Code would not accept, so a broken snippet fails its test.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  const defaults = new Map<string, string>();
  // First pass: learn each tab stop's default, then render with them.
  render(text, defaults, true);
  return render(text, defaults, false);
}

function render(text: string, defaults: Map<string, string>, learning: boolean): string {
  let i = 0;
  const parse = (stopAt: string | null): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '\\' && i + 1 < text.length && '$}\\|,'.includes(text[i + 1] as string)) {
        out += text[i + 1];
        i += 2;
      } else if (stopAt !== null && c === stopAt) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (stopAt !== null) throw new Error(`unclosed '\${' in snippet: …${text.slice(Math.max(0, i - 40), i)}`);
    return out;
  };
  const dollar = (): string => {
    i++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (simple) {
      i += simple[0].length;
      return /^\d/.test(simple[0]) ? (defaults.get(simple[0]) ?? '') : '';
    }
    if (text[i] !== '{') return '$';
    i++; // {
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))?.[0];
    if (!name) throw new Error(`bad '\${' in snippet at ${i}: ${text.slice(i, i + 20)}`);
    i += name.length;
    const isStop = /^\d/.test(name);
    let value = '';
    if (text[i] === ':') {
      i++;
      value = parse('}');
    } else if (text[i] === '|') {
      i++;
      const options = parse('|').split(',');
      i++; // the closing |
      value = options[0] ?? '';
    } else if (text[i] !== '}') {
      throw new Error(`bad '\${${name}' in snippet: ${text.slice(i, i + 20)}`);
    }
    if (text[i] !== '}') throw new Error(`unclosed '\${${name}' in snippet`);
    i++; // }
    if (!isStop) return value;
    if (learning && value !== '' && !defaults.has(name)) defaults.set(name, value);
    return defaults.get(name) ?? value;
  };
  return parse(null);
}
