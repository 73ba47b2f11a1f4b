import assert from '../../support/assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { processWord, WordError } from '../../../server/src/words/lexer';
import { conformanceData, describeWithData } from '../../support/third-party';

/** BuildKit's own data files for its word lexer, beside the project; never copied, never shipped. */
const data = conformanceData('buildkit-shell');
const ROOT = data.root;

/** The environment of BuildKit's lexer tests. */
const ENV: Record<string, string> = { PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' };

function outcome(run: () => string | readonly string[]): string {
  try {
    const value = run();
    return typeof value === 'string' ? value : value.join(',');
  } catch (error) {
    if (error instanceof WordError) return 'error';
    throw error;
  }
}

describeWithData(data, 'BuildKit word lexer conformance', () => {
  it('gives the single word of every Unix line of envVarTest', () => {
    const lines = readFileSync(path.join(ROOT, 'envVarTest'), 'utf8').split('\n');
    let checked = 0;
    const failures: string[] = [];
    for (const line of lines) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [platform, input, expected] = line.split('|').map((part) => part.trim()) as [string, string, string];
      if (platform !== 'A' && platform !== 'U') continue;
      checked++;
      const got = outcome(() => processWord(input, (name) => ENV[name]).value);
      if (got !== expected) failures.push(`${input} → ${got} (expected ${expected})`);
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 200, `${checked} lines`);
  });

  it('gives the words of every line of wordsTest', () => {
    const env: Record<string, string> = {};
    let checked = 0;
    const failures: string[] = [];
    for (const line of readFileSync(path.join(ROOT, 'wordsTest'), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      if (line.startsWith('ENV ')) {
        const [name, ...value] = line.slice(4).split('=');
        env[name as string] = value.join('=');
        continue;
      }
      const bar = line.indexOf('|');
      const input = line.slice(0, bar).trim();
      const expected = line.slice(bar + 1).replace(/^ +/, '');
      checked++;
      const got = outcome(() => processWord(input, (name) => env[name]).words);
      if (got !== expected) failures.push(`${input} → ${JSON.stringify(got)} (expected ${JSON.stringify(expected)})`);
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 20, `${checked} lines`);
  });
});
