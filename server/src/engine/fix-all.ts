import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../rules/rule';
import type { Problem } from './lint';
import { applyEdits, editsOverlap } from './text-edits';

/**
 * A fix's edits as plain text: a snippet's placeholders written as their defaults (`\${1:build}`
 * → `build`), for fix-all, the CLI and editors without snippets.
 */
export function plainEdits(fix: Fix): TextEdit[] {
  return fix.snippet ? plainSnippetEdits(fix.edits) : [...fix.edits];
}

/** Snippet edits with each placeholder written as its default and bare tab stops dropped. */
export function plainSnippetEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: e.range, newText: e.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') }));
}

/** The fix that fix-all applies for a problem: its preferred safe fix, else its only safe one. */
export function automaticFix(problem: Problem): Fix | null {
  // Fixes that create files are offered one by one, not folded into a fix-all of text edits.
  const safe = problem.fixes.filter((fix) => !fix.unsafe && !fix.createFiles);
  return safe.find((fix) => fix.preferred) ?? (safe.length === 1 ? (safe[0] as Fix) : null);
}

/** The fix `--fix` applies by creating files (a missing `.dockerignore`): safe, and preferred or the only one. */
export function automaticFileFix(problem: Problem): Fix | null {
  return problem.fixes.find((fix) => (fix.createFiles?.length ?? 0) > 0 && !fix.unsafe && (fix.preferred === true || problem.fixes.length === 1)) ?? null;
}

/**
 * The edits of every problem's automatic fix, skipping a fix whose edits overlap one already taken
 * (running fix-all again picks it up on the new text).
 */
export function fixAllEdits(problems: readonly Problem[]): { edits: TextEdit[]; fixed: Problem[] } {
  const edits: TextEdit[] = [];
  const fixed: Problem[] = [];
  for (const problem of problems) {
    const fix = automaticFix(problem);
    const fixEdits = fix ? plainEdits(fix) : [];
    if (!fix || fixEdits.some((edit) => edits.some((taken) => editsOverlap(edit, taken)))) continue;
    edits.push(...fixEdits);
    fixed.push(problem);
  }
  return { edits, fixed };
}

/** Fix-all stops after this many passes, whatever is left (a fix that undoes another never ends). */
export const MAX_FIX_PASSES = 10;

/**
 * Fix-all until nothing more is fixable: a pass skips fixes that overlap one it took (chaining two
 * RUNs and cleaning their apt lists), and a fix can make a new problem fixable. Each pass lints
 * the text again with `problemsOf`.
 */
export function settleFixAll(text: string, problemsOf: (text: string) => readonly Problem[], firstProblems?: readonly Problem[]): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, fixed: done } = fixAllEdits(pass === 0 && firstProblems ? firstProblems : problemsOf(current));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    fixed += done.length;
  }
  return { text: current, fixed };
}
