import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collect, compare, key, readSnapshot } from '../../scripts/corpus/findings';

describe('the real-world corpus', () => {
  it('gives exactly the reviewed findings of test/real-world/findings.txt', () => {
    const { added, removed } = compare(collect(), readSnapshot());
    const lines = [...added.map((f) => `+ ${key(f)}`), ...removed.map((f) => `- ${key(f)}`)];
    assert.deepEqual(lines, [], 'The findings changed: run `npm run corpus`, and `npm run corpus -- --update` once the change is reviewed.');
  });
});
