import assert from '../support/assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { conformanceData, describeWithData } from '../support/third-party';

/** BuildKit's own parser test files, beside the project; never copied, never shipped. */
const data = conformanceData('buildkit-parser');
const ROOT = data.root;
const syntaxRule = RULES_BY_ID.get('syntax-error');

function syntaxErrors(text: string) {
  return syntaxRule ? lint(buildModel(text), {}, [syntaxRule]).problems : [];
}

/** The stages BuildKit's parse result shows: one `(from …)` node per stage, image first. */
function stagesInResult(result: string): string[] {
  return [...result.matchAll(/^\(from "([^"]*)"/gim)].map((m) => m[1] as string);
}

describeWithData(data, 'BuildKit parser conformance', () => {
  const cases = (folder: string) => readdirSync(path.join(ROOT, folder)).sort();

  for (const name of cases('testfiles')) {
    it(`accepts ${name} with BuildKit's stages and no syntax error`, () => {
      const dir = path.join(ROOT, 'testfiles', name);
      const text = readFileSync(path.join(dir, 'Dockerfile'), 'latin1');
      const model = buildModel(text);
      const expected = stagesInResult(readFileSync(path.join(dir, 'result'), 'utf8'));
      assert.deepEqual(model.stages.map((stage) => stage.baseImage?.text ?? ''), expected);
      assert.deepEqual(syntaxErrors(text).map((p) => p.message), []);
    });
  }

  for (const name of cases('testfiles-negative')) {
    it(`reports a syntax error for ${name}`, () => {
      const text = readFileSync(path.join(ROOT, 'testfiles-negative', name, 'Dockerfile'), 'latin1');
      assert.ok(syntaxErrors(text).length > 0, 'no syntax error reported');
    });
  }
});
