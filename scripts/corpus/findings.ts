// The real-world corpus as a measurement: run the command-line checker over every repository of
// the corpus beside the project (each folder given to `check` on its own, so it is the workspace
// root, as a user's CI would lint it), and compare the findings with the reviewed snapshot
// test/corpus/findings.txt, which this team writes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findShellCheck } from '../../server/src/node/shellcheck-runner';
import { CORPUS, dataRequired, ROOT } from '../shared-data';

export { CORPUS, ROOT };
export const SNAPSHOT = path.join(ROOT, 'test', 'corpus', 'findings.txt');

export interface Finding {
  readonly ruleId: string;
  /** Path relative to the corpus root, with forward slashes. */
  readonly file: string;
  /** 1-based, as people read them. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** As the checker reports it; not part of the snapshot (a rule's default can change). */
  readonly severity?: string;
  /** The reviewer's verdict when it is not plainly true: `false (<cause>): why` or `arguable (<cause>): why`. */
  readonly note?: string;
}

/** What the model said of one stage (the CLI's `check --explain`). */
export interface ExplainedStage {
  /** Path relative to the corpus root. */
  readonly file: string;
  readonly index: number;
  readonly name: string | null;
  readonly role: string;
  readonly because: string;
  readonly layers: 'yes' | 'no' | 'dev';
  readonly deployed: boolean;
}

export interface Collected {
  readonly findings: Finding[];
  readonly stages: ExplainedStage[];
}

/** The repository folders of the corpus: <corpus>/<owner>/<repository>. */
export function repositories(): string[] {
  const owners = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'LICENSES');
  return owners.flatMap((owner) =>
    readdirSync(path.join(CORPUS, owner.name), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(CORPUS, owner.name, d.name)),
  );
}

interface JsonResult {
  readonly file: string;
  readonly diagnostics: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
  readonly stages?: Omit<ExplainedStage, 'file'>[];
}

/**
 * Whether ShellCheck's findings take part: with a `shellcheck` binary on PATH (CI installs one),
 * its findings at info and above are in the snapshot (its hints, mostly style, are not). Without
 * one they are left out of the comparison, and said so; in CI its absence is a failure.
 */
export function withShellCheck(): boolean {
  const found = findShellCheck(null).path !== null;
  if (!found && dataRequired()) throw new Error('shellcheck is not installed: the corpus snapshot holds its findings (apt-get install shellcheck).');
  return found;
}

/** The findings the comparison looks at: ShellCheck's only when it ran. */
export function comparable(findings: readonly Finding[], shellCheck: boolean): Finding[] {
  return shellCheck ? [...findings] : findings.filter((f) => !f.ruleId.startsWith('SC'));
}

/** Runs dist/cli.js over each repository and returns the findings in a stable order, and what it said of each stage. */
export function collect(cli = path.join(ROOT, 'dist', 'cli.js'), shellCheck = withShellCheck()): Collected {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first.`);
  const findings: Finding[] = [];
  const stages: ExplainedStage[] = [];
  for (const repository of repositories()) {
    const argv = [cli, 'check', repository, '--format', 'json', '--fail-level', 'none', '--shellcheck', shellCheck ? 'auto' : 'off', '--images', 'none', '--explain'];
    const run = spawnSync(process.execPath, argv, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`check ${path.relative(ROOT, repository)} exited with ${run.status}: ${run.stderr}`);
    for (const result of JSON.parse(run.stdout) as JsonResult[]) {
      const file = path.relative(CORPUS, path.resolve(ROOT, result.file)).split(path.sep).join('/');
      for (const d of result.diagnostics) {
        if (d.ruleId.startsWith('SC') && d.severity === 'hint') continue;
        findings.push({ ruleId: d.ruleId, file, line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message, severity: d.severity });
      }
      for (const stage of result.stages ?? []) {
        stages.push({ file, index: stage.index, name: stage.name, role: stage.role, because: stage.because, layers: stage.layers, deployed: stage.deployed });
      }
    }
  }
  return { findings: sortFindings(findings), stages };
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** What identifies a finding across runs; notes are not part of it. */
export function key(f: Finding): string {
  return `${f.ruleId}\t${f.file}:${f.line}:${f.column}\t${f.message}`;
}

const HEADER = [
  '# Reviewed findings of `npm run corpus` on the real-world corpus (../shared/real-world), one per line:',
  '#   <rule-id>  <file>:<line>:<column>  <message>',
  '# followed, when the review did not judge it plainly true, by an indented note:',
  '#   note: false (<cause>): why        a warning the maintainer would not want',
  '#   note: arguable (<cause>): why     a matter of taste or of facts the files do not give',
  '# <cause> names the part that misjudged: roles, rule, workspace, words, shell, images.',
  '# A finding without a note was judged true. npm run corpus prints the false rate from these notes;',
  '# a new finding comes without one until it is reviewed.',
  '# Regenerate with `npm run corpus -- --update` and review the diff in the commit.',
];

export function formatSnapshot(findings: readonly Finding[]): string {
  const lines = [...HEADER];
  for (const f of sortFindings(findings)) {
    lines.push(`${f.ruleId}  ${f.file}:${f.line}:${f.column}  ${f.message}`);
    if (f.note) lines.push(`    note: ${f.note}`);
  }
  return `${lines.join('\n')}\n`;
}

const LINE = /^(\S+) {2}(.+?):(\d+):(\d+) {2}(.*)$/;

export function parseSnapshot(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const raw of text.split('\n')) {
    if (raw.startsWith('#') || raw.trim() === '') continue;
    const note = /^\s+note: (.*)$/.exec(raw);
    if (note) {
      const last = findings.pop();
      if (!last) throw new Error(`A note before any finding: ${raw}`);
      findings.push({ ...last, note: note[1] });
      continue;
    }
    const m = LINE.exec(raw);
    if (!m) throw new Error(`Not a finding line: ${raw}`);
    findings.push({ ruleId: m[1]!, file: m[2]!, line: Number(m[3]), column: Number(m[4]), message: m[5]! });
  }
  return findings;
}

export function readSnapshot(): Finding[] {
  return existsSync(SNAPSHOT) ? parseSnapshot(readFileSync(SNAPSHOT, 'utf8')) : [];
}

export interface Comparison {
  readonly added: Finding[];
  readonly removed: Finding[];
  /** The current findings, with the notes of the snapshot carried over. */
  readonly merged: Finding[];
}

export function compare(current: readonly Finding[], snapshot: readonly Finding[]): Comparison {
  const notes = new Map(snapshot.filter((f) => f.note).map((f) => [key(f), f.note!]));
  const before = new Set(snapshot.map(key));
  const now = new Set(current.map(key));
  return {
    added: current.filter((f) => !before.has(key(f))),
    removed: snapshot.filter((f) => !now.has(key(f))),
    merged: current.map((f) => (notes.has(key(f)) ? { ...f, note: notes.get(key(f))! } : f)),
  };
}

/** Findings per rule, most first. */
export function countByRule(findings: readonly Finding[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
