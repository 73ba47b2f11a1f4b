import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig } from '../../common/settings';
import { findProjectConfigFile } from '../../server/src/node/project-config-file';

describe('.dockerfile-stages.json', () => {
  it('reads rule severities and a target', () => {
    assert.deepEqual(parseProjectConfig('{ "rules": { "final-user-root": "off", "image-unpinned": "error" }, "target": "runtime" }'), {
      config: { rules: { 'final-user-root': 'off', 'image-unpinned': 'error' }, target: 'runtime' },
      errors: [],
    });
  });

  it('says what it does not understand and keeps the rest', () => {
    assert.deepEqual(parseProjectConfig('{ "rules": { "a": "loud", "b": "hint" }, "targets": "x" }'), {
      config: { rules: { b: 'hint' } },
      errors: ["unknown key 'targets'", "rule 'a': expected one of off, hint, info, warning, error"],
    });
    assert.deepEqual(parseProjectConfig('{ rules: }').errors.length, 1);
    assert.match(parseProjectConfig('{ rules: }').errors[0] as string, /^not valid JSON/);
    assert.deepEqual(parseProjectConfig('[]').errors, ['expected a JSON object']);
  });

  it('is found in the nearest folder upwards', () => {
    const files: Record<string, string> = { '/repo/.dockerfile-stages.json': '{}', '/repo/svc/.dockerfile-stages.json': '{"target":"x"}' };
    const read = (file: string) => files[file] ?? null;
    assert.deepEqual(findProjectConfigFile('/repo/svc/deep', read), { file: '/repo/svc/.dockerfile-stages.json', text: '{"target":"x"}' });
    assert.deepEqual(findProjectConfigFile('/repo/other', read)?.file, '/repo/.dockerfile-stages.json');
    assert.equal(findProjectConfigFile('/elsewhere', read), null);
  });
});
