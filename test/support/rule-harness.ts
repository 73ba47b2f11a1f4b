import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { annotated } from './fixtures';

/** The problems one rule reports on a text. */
export function problemsOf(ruleId: string, text: string, options: LintOptions = {}) {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return lint(buildModel(text), options, [rule]).problems;
}

/** Checks a rule against a fixture whose expectations are written under their lines (see `annotated`). */
export function expectRule(ruleId: string, source: string, options: LintOptions = {}): void {
  const { text, expected } = annotated(source);
  const actual = problemsOf(ruleId, text, options);
  assert.deepEqual(
    actual.map((p) => ({ ruleId: p.ruleId, range: p.range, ...(expected.some((e) => e.message) ? { message: p.message } : {}) })),
    expected.map((e) => ({ ruleId: e.ruleId, range: e.range, ...(e.message ? { message: e.message } : {}) })),
  );
}
