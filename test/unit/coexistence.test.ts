import assert from '../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeSettings, toolsToDeferTo } from '../../common/settings';
import { CONTAINER_TOOLS_OVERLAP, DOCKER_DX_OVERLAP, rulesReportedBy } from '../../server/src/rules/coexistence';
import { RULES_BY_ID } from '../../server/src/rules/index';

describe('coexistence with Container Tools and Docker DX', () => {
  it('leaves to each tool only rules that exist, Docker DX the BuildKit checks it runs by default', () => {
    for (const id of [...Object.keys(CONTAINER_TOOLS_OVERLAP), ...Object.keys(DOCKER_DX_OVERLAP)]) assert.ok(RULES_BY_ID.has(id), id);
    assert.equal(DOCKER_DX_OVERLAP['undefined-var'], 'UndefinedVar');
    assert.equal(DOCKER_DX_OVERLAP['copy-ignored-file'], undefined, 'experimental in BuildKit');
    assert.equal(DOCKER_DX_OVERLAP['stage-ref-unknown'], undefined, 'only we check it');
    assert.deepEqual(rulesReportedBy([]), []);
    assert.ok(rulesReportedBy(['containerTools', 'dockerDX']).includes('workdir-relative-path'));
  });

  it('turns the setting and the installed tools into the tools to defer to', () => {
    assert.deepEqual(toolsToDeferTo('auto', ['dockerDX']), ['dockerDX']);
    assert.deepEqual(toolsToDeferTo('reportAll', ['dockerDX', 'containerTools']), []);
    assert.deepEqual(toolsToDeferTo('skipContainerTools', []), ['containerTools']);
    assert.deepEqual(toolsToDeferTo('skipBoth', []), ['containerTools', 'dockerDX']);
    assert.equal(normalizeSettings({ coexistence: 'reportAll' }).coexistence, 'reportAll');
    assert.equal(normalizeSettings({ coexistence: 'nonsense' }).coexistence, 'auto');
  });

  it('is documented rule by rule in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Side by side'), readme.indexOf('## Run it on a fresh machine'));
    for (const [id, theirs] of [...Object.entries(CONTAINER_TOOLS_OVERLAP), ...Object.entries(DOCKER_DX_OVERLAP)]) {
      assert.ok(section.includes(`| \`${id}\` | ${theirs} |`), `README lists ${id}`);
    }
  });
});
