// What an expert wants reported on the real-world corpus (test/corpus/expected.tsv, written by the
// team while reviewing each repository) and how much of it the checker finds: recall per rule. A
// rule change that drops a true finding shows up here as a miss, not as a quieter snapshot.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildModel } from '../../server/src/model/model-builder';
import type { DockerfileModel, Instruction } from '../../server/src/model/types';
import { CORPUS, ROOT } from '../shared-data';
import type { Finding } from './findings';

export const EXPECTED = path.join(ROOT, 'test', 'corpus', 'expected.tsv');

export interface Expected {
  /** A rule id, or `none:<name>` for a problem no rule covers yet (not counted in recall). */
  readonly ruleId: string;
  /** Relative to the corpus root. */
  readonly file: string;
  /** 1-based: a line of the instruction with the problem, or the FROM line for the whole stage. */
  readonly line: number;
  readonly reason: string;
}

export function parseExpected(text: string): Expected[] {
  const expected: Expected[] = [];
  for (const raw of text.split('\n')) {
    if (raw.startsWith('#') || raw.trim() === '') continue;
    const [ruleId = '', where = '', reason = ''] = raw.split('\t');
    const at = /^(.+):(\d+)$/.exec(where);
    if (!ruleId || !at) throw new Error(`Not an expected finding (<rule>\\t<file>:<line>\\t<reason>): ${raw}`);
    expected.push({ ruleId, file: at[1] as string, line: Number(at[2]), reason });
  }
  return expected;
}

export function readExpected(file = EXPECTED): Expected[] {
  return existsSync(file) ? parseExpected(readFileSync(file, 'utf8')) : [];
}

export interface Recall {
  readonly found: Expected[];
  readonly missed: Expected[];
  /** Problems no rule covers yet, by name. */
  readonly uncovered: Expected[];
}

/**
 * Which expected problems a finding reports: one of the same rule in the same file, on the same
 * instruction as the expected line, or anywhere in the stage when the expected line is its FROM
 * (a problem of the whole stage: its user, its base). Lines are read in the corpus's own text.
 */
export function matchExpected(expected: readonly Expected[], findings: readonly Finding[], corpus = CORPUS): Recall {
  const models = new Map<string, DockerfileModel | null>();
  const modelOf = (file: string): DockerfileModel | null => {
    if (!models.has(file)) {
      const full = path.join(corpus, file);
      models.set(file, existsSync(full) ? buildModel(readFileSync(full, 'utf8')) : null);
    }
    return models.get(file) ?? null;
  };
  const byFileRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.file}`;
    byFileRule.set(key, [...(byFileRule.get(key) ?? []), f]);
  }
  const found: Expected[] = [];
  const missed: Expected[] = [];
  const uncovered: Expected[] = [];
  for (const e of expected) {
    if (e.ruleId.startsWith('none:')) {
      uncovered.push(e);
      continue;
    }
    const candidates = byFileRule.get(`${e.ruleId}\0${e.file}`) ?? [];
    const model = modelOf(e.file);
    const place = model ? placeOf(model, e.line - 1) : null;
    const hit = candidates.some((f) => {
      if (f.line === e.line) return true;
      if (!model || !place) return false;
      const at = placeOf(model, f.line - 1);
      if (!at) return false;
      return at.instruction === place.instruction || (place.isFrom && at.stage === place.stage);
    });
    (hit ? found : missed).push(e);
  }
  return { found, missed, uncovered };
}

interface Place {
  readonly instruction: Instruction;
  /** -1 for the preamble (ARGs before the first FROM). */
  readonly stage: number;
  readonly isFrom: boolean;
}

function placeOf(model: DockerfileModel, line: number): Place | null {
  const within = (i: Instruction) => i.range.start.line <= line && line <= i.range.end.line;
  const pre = model.preamble.find(within);
  if (pre) return { instruction: pre, stage: -1, isFrom: false };
  for (const stage of model.stages) {
    const instruction = stage.instructions.find(within);
    if (instruction) return { instruction, stage: stage.index, isFrom: instruction === stage.from };
  }
  return null;
}

/** Per rule: expected, found; most expected first. */
export function recallByRule(recall: Recall): { ruleId: string; expected: number; found: number }[] {
  const rows = new Map<string, { expected: number; found: number }>();
  const row = (id: string) => rows.get(id) ?? rows.set(id, { expected: 0, found: 0 }).get(id)!;
  for (const e of recall.found) {
    row(e.ruleId).expected++;
    row(e.ruleId).found++;
  }
  for (const e of recall.missed) row(e.ruleId).expected++;
  return [...rows].map(([ruleId, r]) => ({ ruleId, ...r })).sort((a, b) => b.expected - a.expected || a.ruleId.localeCompare(b.ruleId));
}

export const MISSED = path.join(ROOT, 'test', 'corpus', 'missed.txt');

/** The expected problems the checker does not find today (test/corpus/missed.txt), one per line. */
export function readMissed(file = MISSED): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')) : [];
}

export function formatMissed(lines: readonly string[]): string {
  return `${[
    '# Problems of test/corpus/expected.tsv that the checker does not find today, one per line:',
    '#   <rule-id>  <file>:<line>  <why>',
    '# Regenerated by `npm run corpus -- --update`; a line that appears is a real problem a change lost.',
    ...lines,
  ].join('\n')}\n`;
}
