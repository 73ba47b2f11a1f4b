import assert from '../../support/assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { buildModel } from '../../../server/src/model/model-builder';
import { RULES } from '../../../server/src/rules/index';

/** What reads badly in a message: each with why. */
const AWKWARD: readonly [RegExp, string][] = [
  [/''s\b|'s'/, "a possessive after a quote ('build''s)"],
  [/\S {2,}\S/, 'two blanks'],
  [/ [,.;:!?](\s|$)/, 'a blank before punctuation'],
  [/\( | \)/, 'a blank inside brackets'],
  [/stage #\d|'#\d+'/, "a stage shown by BuildKit's index (#1); people read 'stage 2 (image)'"],
  [/\bundefined\b|\bnull\b|\[object /, 'a program value leaking into the text'],
];

/** Every message the rules give on the rule pages' examples and the reviewed real-world corpus. */
function messages(): { message: string; where: string }[] {
  const found: { message: string; where: string }[] = [];
  for (const file of readdirSync('docs/rules').filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const doc = readFileSync(`docs/rules/${file}`, 'utf8');
    for (const [, text] of doc.matchAll(/```dockerfile\n([\s\S]*?)```/g)) {
      for (const problem of lint(buildModel(text as string), { buildContext: { dockerignore: null, entries: [] } }).problems) found.push({ message: problem.message, where: `docs/rules/${file}` });
    }
  }
  for (const line of readFileSync('test/corpus/findings.txt', 'utf8').split('\n')) {
    const match = /^(\S+)\s+(\S+:\d+:\d+)\s+(.*)$/.exec(line);
    // ShellCheck's own messages (SC codes) are its words, not ours.
    if (match && !line.startsWith('#') && !/^SC\d+$/.test(match[1] as string)) found.push({ message: match[3] as string, where: match[2] as string });
  }
  return found;
}

describe('rule messages read as sentences', () => {
  it('start with a capital or a quoted word, end with a stop, and have nothing awkward in them', () => {
    const all = messages();
    assert.ok(all.length > 300, `${all.length} messages`);
    assert.ok(new Set(all.map((m) => m.message.split(' ')[0])).size > 20);
    const bad: string[] = [];
    for (const { message, where } of all) {
      // A command or a flag as written opens some messages (`apt-get update leaves…`, `--platform=…`).
      if (!/^([A-Z'`"$]|--|[a-z][\w.-]* (add|install|update|upgrade)\b)/.test(message)) bad.push(`${where}: starts in lower case: ${message}`);
      if (!/[.?!)]$/.test(message)) bad.push(`${where}: no full stop: ${message}`);
      for (const [pattern, why] of AWKWARD) if (pattern.test(message)) bad.push(`${where}: ${why}: ${message}`);
    }
    assert.deepEqual([...new Set(bad)], []);
  });

  it('covers every rule', () => {
    const seen = new Set(readFileSync('test/corpus/findings.txt', 'utf8').split('\n').map((line) => line.split(/\s+/)[0]));
    for (const file of readdirSync('docs/rules')) seen.add(file.replace(/\.md$/, ''));
    assert.deepEqual(RULES.map((rule) => rule.id).filter((id) => !seen.has(id)), []);
  });
});
