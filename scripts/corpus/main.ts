// npm run corpus [-- --update | --notice]: the checker over the real-world corpus, findings per rule, and the
// difference from the reviewed snapshot. Exits 1 when they differ (unless --update rewrites it).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { corpusData, dataRequired, missingMessage } from '../shared-data';
import { writeNotice } from './notice';
import { formatMissed, MISSED, readMissed } from './expected';
import { collect, comparable, compare, countByRule, formatSnapshot, key, readSnapshot, repositories, ROOT, SNAPSHOT, withShellCheck, type Finding } from './findings';
import { measure } from './measure';
import { formatRoleDisagreements, readRoleDisagreements, ROLES_DISAGREE } from './roles';

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
const shellCheck = withShellCheck();
if (!shellCheck) console.log('shellcheck is not installed: its findings are left out of the comparison.');
const { findings: current, stages } = collect(undefined, shellCheck);
const elapsed = performance.now() - started;
const fullSnapshot = readSnapshot();
// Without ShellCheck, its recorded findings are kept as they are (an update must not drop them).
const keptShellCheck = shellCheck ? [] : fullSnapshot.filter((f) => f.ruleId.startsWith('SC'));
const snapshot = comparable(fullSnapshot, shellCheck);
const { added, removed, merged } = compare(current, snapshot);
const fresh = new Set(added.map(key));
// A new finding is marked until someone reviews it: the false rate counts it apart.
const marked = merged.map((f) => (fresh.has(key(f)) ? { ...f, note: 'unreviewed' } : f));
const measured = measure(marked, stages);

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

for (const line of measured.lines) console.log(line);

/** A snapshot kept as lines: differences printed, rewritten with --update; true when it was unchanged. */
const lineSnapshot = (name: string, file: string, before: readonly string[], now: readonly string[], format: (l: readonly string[]) => string): boolean => {
  const was = new Set(before);
  const is = new Set(now);
  const gained = now.filter((l) => !was.has(l));
  const lost = before.filter((l) => !is.has(l));
  if (gained.length === 0 && lost.length === 0) return true;
  if (update) {
    writeFileSync(file, format(now));
    console.log(`\n${name} updated: ${gained.length} added, ${lost.length} removed.`);
    return true;
  }
  console.log(`\n${name} differ from the snapshot (${gained.length} new, ${lost.length} gone):`);
  for (const l of gained.slice(0, 100)) console.log(`+ ${l.replace(/\t/g, '  ')}`);
  for (const l of lost.slice(0, 100)) console.log(`- ${l.replace(/\t/g, '  ')}`);
  return false;
};
const missedSame = lineSnapshot('The missed problems (test/corpus/missed.txt)', MISSED, readMissed(), measured.missed, formatMissed);
const rolesSame = lineSnapshot('The stages the model and the review disagree on (test/corpus/roles-disagree.txt)', ROLES_DISAGREE, readRoleDisagreements(), measured.roles.disagreements, formatRoleDisagreements);

if (added.length === 0 && removed.length === 0) {
  console.log('\nThe findings are the reviewed snapshot.');
} else if (update) {
  writeFileSync(SNAPSHOT, formatSnapshot([...marked, ...keptShellCheck]));
  console.log(`\nSnapshot updated: ${added.length} added (marked unreviewed), ${removed.length} removed. Review the diff of test/corpus/findings.txt before committing.`);
} else {
  console.log(`\nThe findings differ from the reviewed snapshot (${added.length} new, ${removed.length} gone):`);
  show('+', added);
  show('-', removed);
  console.log('\nIf the change is right, run `npm run corpus -- --update` and review the diff of test/corpus/findings.txt.');
  process.exit(1);
}
if (!missedSame || !rolesSame) process.exit(1);
