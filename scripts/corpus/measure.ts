// The corpus as a measurement of both errors: how many findings the review judged false (per rule,
// at warning and above and at all levels), how many of the problems an expert listed are found
// (recall per rule), and how often the model's answer about each stage agrees with the review.
import { corpusFirstPart } from '../shared-data';
import { matchExpected, readExpected, recallByRule, type Expected } from './expected';
import type { ExplainedStage, Finding } from './findings';
import { compareRoles, readReviewedStages, type RoleComparison } from './roles';

export interface Measurement {
  readonly lines: string[];
  /** Expected problems not found, one line each: the snapshot of test/corpus/missed.txt. */
  readonly missed: string[];
  readonly roles: RoleComparison;
}

type Verdict = 'true' | 'false' | 'arguable' | 'unreviewed';

export function verdictOf(f: Finding): Verdict {
  if (!f.note) return 'true';
  if (f.note.startsWith('false')) return 'false';
  if (f.note.startsWith('arguable')) return 'arguable';
  return 'unreviewed';
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`);

/** Findings are the current ones with the snapshot's notes carried over. */
export function measure(findings: readonly Finding[], stages: readonly ExplainedStage[]): Measurement {
  const lines: string[] = [];
  const firstPart = corpusFirstPart();
  const parts: [string, (f: { file: string }) => boolean][] = [
    ['all', () => true],
    ['first part', (f) => firstPart.has(f.file)],
    ['second part', (f) => !firstPart.has(f.file)],
  ];
  lines.push('', 'Review of the findings (false = the maintainer would not want it):');
  lines.push(`${'part'.padEnd(14)}${'findings'.padStart(9)}${'false'.padStart(8)}${'rate'.padStart(9)}${'warn+'.padStart(7)}${'false'.padStart(7)}${'rate'.padStart(9)}${'arguable'.padStart(10)}${'unreviewed'.padStart(12)}`);
  for (const [name, inPart] of parts) {
    const all = findings.filter(inPart);
    const warn = all.filter((f) => f.severity === 'warning' || f.severity === 'error');
    const count = (list: readonly Finding[], v: Verdict) => list.filter((f) => verdictOf(f) === v).length;
    lines.push(
      `${name.padEnd(14)}${String(all.length).padStart(9)}${String(count(all, 'false')).padStart(8)}${percent(count(all, 'false'), all.length).padStart(9)}` +
        `${String(warn.length).padStart(7)}${String(count(warn, 'false')).padStart(7)}${percent(count(warn, 'false'), warn.length).padStart(9)}` +
        `${String(count(all, 'arguable')).padStart(10)}${String(count(all, 'unreviewed')).padStart(12)}`,
    );
  }

  const expected = readExpected();
  const recall = matchExpected(expected, findings);
  lines.push('', 'Problems an expert listed (test/corpus/expected.tsv) and found:');
  for (const [name, inPart] of parts) {
    const found = recall.found.filter(inPart).length;
    const total = found + recall.missed.filter(inPart).length;
    lines.push(`${name.padEnd(14)}${String(found).padStart(5)} of ${String(total).padEnd(5)}${percent(found, total).padStart(9)}`);
  }
  lines.push(`(${recall.uncovered.length} more that no rule covers yet)`);
  lines.push('', `${'rule'.padEnd(36)}${'findings'.padStart(9)}${'false'.padStart(7)}${'expected'.padStart(10)}${'found'.padStart(7)}`);
  const byRule = new Map(recallByRule(recall).map((r) => [r.ruleId, r]));
  const ruleIds = [...new Set([...findings.map((f) => f.ruleId), ...byRule.keys()])].sort();
  for (const ruleId of ruleIds) {
    const mine = findings.filter((f) => f.ruleId === ruleId);
    const r = byRule.get(ruleId);
    lines.push(`${ruleId.padEnd(36)}${String(mine.length).padStart(9)}${String(mine.filter((f) => verdictOf(f) === 'false').length).padStart(7)}${String(r?.expected ?? 0).padStart(10)}${String(r?.found ?? 0).padStart(7)}`);
  }

  const roles = compareRoles(readReviewedStages(), stages);
  lines.push(
    '',
    `What each stage is for, against the review of ${roles.layers.total} stages (test/corpus/roles.tsv):`,
    `  its layers reach anyone   ${roles.layers.agree} agree (${percent(roles.layers.agree, roles.layers.total)})`,
    `  a deployed process        ${roles.deployed.agree} agree (${percent(roles.deployed.agree, roles.deployed.total)})`,
  );
  if (roles.unmatched.length > 0) lines.push(`  ${roles.unmatched.length} reviewed stages not found in the files: ${roles.unmatched.slice(0, 5).join(', ')}`);
  return { lines, missed: recall.missed.map(missedLine).sort(), roles };
}

export const missedLine = (e: Expected): string => `${e.ruleId}\t${e.file}:${e.line}\t${e.reason}`;
