import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { readMissed } from '../../scripts/corpus/expected';
import { collect, comparable, compare, key, readSnapshot, withShellCheck } from '../../scripts/corpus/findings';
import { measure } from '../../scripts/corpus/measure';
import { readRoleDisagreements } from '../../scripts/corpus/roles';
import { readSources } from '../../scripts/corpus/notice';
import { corpusData, describeWithData } from '../support/third-party';

describeWithData(corpusData(), 'the real-world corpus', () => {
  const shellCheck = withShellCheck();
  const collected = collect(undefined, shellCheck);
  const { added, removed, merged } = compare(collected.findings, comparable(readSnapshot(), shellCheck));
  const measured = measure(merged, collected.stages);
  const again = 'run `npm run corpus`, and `npm run corpus -- --update` once the change is reviewed.';
  it('gives exactly the reviewed findings of test/corpus/findings.txt', () => {
    const lines = [...added.map((f) => `+ ${key(f)}`), ...removed.map((f) => `- ${key(f)}`)];
    assert.deepEqual(lines, [], `The findings changed: ${again}`);
  });
  it('misses no more of the problems an expert listed than test/corpus/missed.txt records', () => {
    const recorded = new Set(readMissed());
    assert.deepEqual(measured.missed.filter((line) => !recorded.has(line)), [], `A change lost real problems: ${again}`);
    assert.deepEqual(readMissed().filter((line) => !measured.missed.includes(line)), [], `More problems are found now: ${again}`);
  });
  it('judges each reviewed stage as test/corpus/roles-disagree.txt records', () => {
    assert.deepEqual(measured.roles.unmatched, []);
    assert.deepEqual(measured.roles.disagreements, readRoleDisagreements(), `The model's answer about a stage changed: ${again}`);
  });
});

describeWithData(corpusData(), 'the real-world corpus notice', () => {
  it('lists every file of the corpus with its repository, commit and licence', () => {
    const root = corpusData().root;
    const listed = new Set(readSources(root).map((s) => `${s.repository}/${s.file}`));
    const notCorpus = /^(LICENSES\/|NOTICE[^/]*\.md$|sources[^/]*\.tsv$|repos\.json$)/;
    const files = filesUnder(root).map((file) => path.relative(root, file).split(path.sep).join('/')).filter((file) => !notCorpus.test(file));
    assert.deepEqual(files.filter((file) => !listed.has(file)), []);
    assert.ok(readSources(root).every((s) => s.licence !== '' && /^[0-9a-f]{40}$/.test(s.commit)));
  });
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
  );
}
