import assert from '../support/assert';
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

describe('build context folders from .dockerfile-stages.json', () => {
  it('reads context and per-Dockerfile contexts, and says what is wrong', () => {
    assert.deepEqual(parseProjectConfig('{ "context": "..", "contexts": { "api/Dockerfile": "." } }').config, { rules: {}, context: '..', contexts: { 'api/Dockerfile': '.' } });
    assert.deepEqual(parseProjectConfig('{ "context": 3, "contexts": { "a": 1 } }').errors, ["'context' must be a folder path", "context of 'a': expected a folder path"]);
  });

  it('gives a Dockerfile its own entry first, then the common one, relative to the configuration', async () => {
    const { configuredContext } = await import('../../common/settings');
    const config = { rules: {}, context: 'services', contexts: { 'services/api/Dockerfile': '.' } };
    assert.equal(configuredContext(config, '/repo', '/repo/services/api/Dockerfile'), '/repo');
    assert.equal(configuredContext(config, '/repo', '/repo/services/web/Dockerfile'), '/repo/services');
    assert.equal(configuredContext({ rules: {} }, '/repo', '/repo/Dockerfile'), null);
  });
});
