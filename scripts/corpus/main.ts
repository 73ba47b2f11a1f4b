// npm run corpus [-- --update | --notice]: the checker over the real-world corpus, findings per rule, and the
// difference from the reviewed snapshot. Exits 1 when they differ (unless --update rewrites it).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { corpusData, dataRequired, missingMessage } from '../shared-data';
import { writeNotice } from './notice';
import { collect, compare, countByRule, formatSnapshot, key, readSnapshot, repositories, ROOT, SNAPSHOT, type Finding } from './findings';

const corpus = corpusData();
if (!corpus.available) {
  console.log(`npm run corpus skipped: ${missingMessage(corpus)}.`);
  process.exit(dataRequired() ? 1 : 0);
}

if (process.argv.includes('--notice')) {
  console.log(writeNotice(corpus.root));
  process.exit(0);
}

const update = process.argv.includes('--update');
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild && spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);

const started = performance.now();
const current = collect();
const elapsed = performance.now() - started;
const snapshot = readSnapshot();
const { added, removed, merged } = compare(current, snapshot);

const files = new Set(current.map((f) => f.file));
console.log(`\n${current.length} findings in ${files.size} of the corpus files, ${repositories().length} repositories (${(elapsed / 1000).toFixed(1)} s)\n`);
const before = new Map(countByRule(snapshot));
const now = new Map(countByRule(current));
const rules = [...new Set([...before.keys(), ...now.keys()])].sort((a, b) => (now.get(b) ?? 0) - (now.get(a) ?? 0) || a.localeCompare(b));
console.log('rule'.padEnd(40), 'now'.padStart(5), 'reviewed'.padStart(9));
for (const rule of rules) console.log(rule.padEnd(40), String(now.get(rule) ?? 0).padStart(5), String(before.get(rule) ?? 0).padStart(9));

const show = (sign: string, list: readonly Finding[]): void => {
  for (const f of list.slice(0, 200)) console.log(`${sign} ${key(f).replace(/\t/g, '  ')}`);
  if (list.length > 200) console.log(`${sign} … and ${list.length - 200} more`);
};

if (added.length === 0 && removed.length === 0) {
  console.log('\nThe findings are the reviewed snapshot.');
} else if (update) {
  writeFileSync(SNAPSHOT, formatSnapshot(merged));
  console.log(`\nSnapshot updated: ${added.length} added, ${removed.length} removed. Review the diff of test/corpus/findings.txt before committing.`);
} else {
  console.log(`\nThe findings differ from the reviewed snapshot (${added.length} new, ${removed.length} gone):`);
  show('+', added);
  show('-', removed);
  console.log('\nIf the change is right, run `npm run corpus -- --update` and review the diff of test/corpus/findings.txt.');
  process.exit(1);
}
