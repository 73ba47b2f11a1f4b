import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { lint, type LintOptions } from '../../../server/src/engine/lint';
import { LintMemo, lintKey } from '../../../server/src/lsp/lint-memo';
import { buildModel } from '../../../server/src/model/model-builder';

const TEXT = 'FROM alpine:3.20\nMAINTAINER me\n';

describe('the results of recent lints', () => {
  it('gives a result back for the same text and the same inputs only', () => {
    let now = 0;
    const memo = new LintMemo(() => now);
    const uses: LintOptions['uses'] = [];
    const options: LintOptions = { fileName: 'Dockerfile', uses, severities: { 'final-user-root': 'off' } };
    const result = lint(buildModel(TEXT), options);
    memo.set('file:///a/Dockerfile', TEXT, lintKey(options, 0), result);
    assert.equal(memo.get(`${TEXT}`, lintKey({ ...options }, 0)), result);
    // Another file name, another severity, a new index of the workspace, new image facts: linted again.
    assert.equal(memo.get(TEXT, lintKey({ ...options, fileName: 'Dockerfile.dev' }, 0)), null);
    assert.equal(memo.get(TEXT, lintKey({ ...options, severities: { 'final-user-root': 'error' } }, 0)), null);
    assert.equal(memo.get(TEXT, lintKey({ ...options, uses: [] }, 0)), null);
    assert.equal(memo.get(TEXT, lintKey(options, 1)), null);
    assert.equal(memo.get(`${TEXT}\n`, lintKey(options, 0)), null);
    // Image facts carry their age: a minute later the rules run again.
    now = 61_000;
    assert.equal(memo.get(TEXT, lintKey(options, 0)), null);
  });

  it('keeps only the latest text of a document being typed in', () => {
    const memo = new LintMemo(() => 0);
    const key = lintKey({}, 0);
    const result = lint(buildModel(TEXT), {});
    memo.set('file:///a/Dockerfile', `${TEXT}R`, key, result);
    memo.set('file:///a/Dockerfile', `${TEXT}RU`, key, result);
    memo.set('file:///b/Dockerfile', `${TEXT}R`, key, result);
    memo.set('file:///a/Dockerfile', `${TEXT}RUN`, key, result);
    assert.equal(memo.get(`${TEXT}RU`, key), null);
    assert.equal(memo.get(`${TEXT}R`, key), result);
    assert.equal(memo.get(`${TEXT}RUN`, key), result);
  });

  it('keeps the latest few texts, and no large ones', () => {
    const memo = new LintMemo(() => 0);
    const key = lintKey({}, 0);
    const result = lint(buildModel(TEXT), {});
    for (let i = 0; i < 300; i++) memo.set(`file:///${i}/Dockerfile`, `${TEXT}# ${i}\n`, key, result);
    assert.equal(memo.get(`${TEXT}# 0\n`, key), null);
    assert.equal(memo.get(`${TEXT}# 299\n`, key), result);
    const large = `${TEXT}${'# padding\n'.repeat(30_000)}`;
    memo.set('file:///large/Dockerfile', large, key, result);
    assert.equal(memo.get(large, key), null);
  });
});
