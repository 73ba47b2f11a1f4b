import assert from './assert';
import { lint, type LintOptions } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { annotated } from './fixtures';
import { applyEdits } from '../../server/src/engine/text-edits';
import { fixAllEdits } from '../../server/src/engine/fix-all';

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

/**
 * Applies a fix of a rule's first problem (the preferred one unless a title is given) and returns
 * the new text. Checks on the way that the fixed text no longer has that problem and that running
 * every automatic fix of the rule again changes nothing more.
 */
export function applyRuleFix(ruleId: string, text: string, title?: string, options: LintOptions = {}): string {
  const [problem] = problemsOf(ruleId, text, options);
  if (!problem) throw new Error(`${ruleId} reports nothing to fix`);
  const fix = problem.fixes.find((f) => (title ? f.title === title : f.preferred));
  if (!fix) throw new Error(`no fix '${title ?? 'preferred'}' among: ${problem.fixes.map((f) => f.title).join(', ')}`);
  const fixed = applyEdits(text, fix.edits);
  const after = problemsOf(ruleId, fixed, options);
  assert.ok(after.length < problemsOf(ruleId, text, options).length, `${ruleId} still reports the fixed problem`);
  const again = applyEdits(fixed, fixAllEdits(after).edits);
  assert.equal(applyEdits(again, fixAllEdits(problemsOf(ruleId, again, options)).edits), again, 'fixing twice changes the text again');
  // No other rule may complain more after the fix than before it.
  const count = (t: string) => {
    const counts = new Map<string, number>();
    for (const p of lint(buildModel(t), options).problems) if (p.ruleId !== ruleId) counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1);
    return counts;
  };
  const before = count(text);
  const added = [...count(fixed)].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id);
  assert.deepEqual(added, [], `the fix makes new problems: ${added.join(', ')}`);
  return fixed;
}
