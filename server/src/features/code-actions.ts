import type { Range, TextEdit } from 'vscode-languageserver-types';
import { automaticFix, fixAllEdits, settleFixAll } from '../engine/fix-all';
import { replacementEdit } from '../engine/text-edits';
import type { Problem } from '../engine/lint';
import { suppressionFixes } from '../engine/suppression-fixes';
import { comparePositions } from '../model/positions';
import { convertToMultiStage } from './convert-multi-stage';
import type { DockerfileModel } from '../model/types';
import { RULES_BY_ID } from '../rules/index';
import type { Fix } from '../rules/rule';

export const FIX_ALL_KIND = 'source.fixAll.dockerfileStages';
export const REWRITE_KIND = 'refactor.rewrite';

/** A code action before it is tied to a document: its edits and the problems it answers. */
export interface ActionPlan {
  readonly title: string;
  readonly kind: 'quickfix' | typeof FIX_ALL_KIND | typeof REWRITE_KIND;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
  readonly problems: readonly Problem[];
  /** The edits are snippets (see Fix.snippet). */
  readonly snippet?: boolean;
  /** Files to create beside the Dockerfile (see Fix.createFiles). */
  readonly createFiles?: Fix['createFiles'];
}

function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * The code actions for a range: each problem's fixes (the safest preferred), then "Fix all" for
 * its rule when the file has several, then the ways to silence it. With `only` asking for
 * source actions, the file-wide fix-all.
 */
/**
 * The actions for a range. `problemsOf` lints another text of the document as the diagnostics do:
 * with it, fix-all runs until nothing more is fixable (as the CLI's --fix), in one edit.
 */
export function codeActions(model: DockerfileModel, problems: readonly Problem[], range: Range, only?: readonly string[], problemsOf?: (text: string) => readonly Problem[]): ActionPlan[] {
  const wantsFixAll = only?.some((kind) => kind === 'source' || kind === 'source.fixAll' || kind === FIX_ALL_KIND) ?? false;
  const wantsQuickFix = !only || only.some((kind) => kind === 'quickfix');
  const plans: ActionPlan[] = [];
  if (wantsQuickFix) {
    const here = problems.filter((problem) => intersects(problem.range, range));
    for (const problem of here) {
      for (const fix of problem.fixes) {
        plans.push({
          title: fix.title,
          kind: 'quickfix',
          edits: fix.edits,
          preferred: fix.preferred === true && !fix.unsafe,
          problems: [problem],
          ...(fix.snippet ? { snippet: true } : {}),
          ...(fix.createFiles ? { createFiles: fix.createFiles } : {}),
        });
      }
    }
    for (const ruleId of new Set(here.map((problem) => problem.ruleId))) {
      const sameRule = problems.filter((problem) => problem.ruleId === ruleId && automaticFix(problem));
      if (sameRule.length < 2) continue;
      const { edits, fixed } = fixAllEdits(sameRule);
      plans.push({ title: `Fix all ${ruleId} problems in this file`, kind: 'quickfix', edits, preferred: false, problems: fixed });
    }
    for (const problem of here) {
      const rule = RULES_BY_ID.get(problem.ruleId);
      if (!rule) continue;
      for (const fix of suppressionFixes(model, problem, rule)) {
        plans.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: false, problems: [problem] });
      }
    }
  }
  const wantsRefactor = !only || only.some((kind) => kind === 'refactor' || kind === REWRITE_KIND);
  if (wantsRefactor) {
    const conversion = convertToMultiStage(model);
    if (conversion) plans.push({ title: conversion.title, kind: REWRITE_KIND, edits: conversion.edits, preferred: false, problems: [] });
  }
  if (wantsFixAll) {
    const { edits, fixed } = fixAllEdits(problems);
    const settled = edits.length > 0 && problemsOf ? replacementEdit(model.text, settleFixAll(model.text, problemsOf, problems).text) : null;
    if (edits.length > 0) plans.push({ title: 'Fix all auto-fixable Dockerfile Stages problems', kind: FIX_ALL_KIND, edits: settled ? [settled] : edits, preferred: false, problems: fixed });
  }
  return plans;
}
