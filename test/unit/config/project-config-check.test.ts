import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { checkProjectConfigText, closestName, unknownTargetMessage } from '../../../server/src/config/project-config-check';
import { parseProjectConfig } from '../../../common/settings';

const app = { file: 'Dockerfile', stageNames: ['build', 'test', 'runtime'] };

describe('the project configuration checked against its Dockerfiles', () => {
  it('says which Dockerfile lacks the target, with its stages and the nearest name', () => {
    assert.equal(unknownTargetMessage('tset', [app]), "'tset' is no stage of Dockerfile (its stages: build, test, runtime). Did you mean 'test'?");
    assert.equal(unknownTargetMessage('Test', [app]), null, 'BuildKit compares stage names without case');
    assert.equal(unknownTargetMessage('release', [app, { file: 'api/Dockerfile', stageNames: ['release'] }]), "'release' is no stage of Dockerfile (its stages: build, test, runtime).");
    assert.equal(unknownTargetMessage('anything', []), null, 'no Dockerfile known: nothing to say');
    assert.equal(unknownTargetMessage('deploy', [app, { file: 'api/Dockerfile', stageNames: [] }]), "'deploy' is no stage of 2 of the 2 Dockerfiles this file applies to (Dockerfile, api/Dockerfile).");
  });

  it('points at the target value in the JSON text', () => {
    const text = '{\n  "rules": {},\n  "target": "tset"\n}\n';
    assert.deepEqual(checkProjectConfigText(text, [app]).map((p) => [text.slice(p.offset, p.offset + p.length), p.message.slice(0, 22)]), [['"tset"', "'tset' is no stage of "]]);
    assert.deepEqual(checkProjectConfigText('{ "target": 3 }', [app]), []);
    // Half-typed JSON is read as far as it goes.
    assert.equal(checkProjectConfigText('{ "target": "te', [app]).length, 1);
    assert.deepEqual(checkProjectConfigText('{ "targ', [app]), []);
  });

  it('refuses unknown rule ids when it knows them, and finds the nearest', () => {
    const ids = new Set(['final-user-root', 'image-unpinned']);
    assert.deepEqual(parseProjectConfig('{ "rules": { "final-user-rot": "off", "image-unpinned": "error" } }', ids), {
      config: { rules: { 'image-unpinned': 'error' } },
      errors: ["unknown rule 'final-user-rot'"],
    });
    assert.equal(closestName('final-user-rot', ids), 'final-user-root');
    assert.equal(closestName('nothing-like-it', ids), null);
  });
});
