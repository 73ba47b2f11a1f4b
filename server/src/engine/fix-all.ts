import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../rules/rule';
import type { Problem } from './lint';
import { editsOverlap } from './text-edits';

/** The fix that fix-all applies for a problem: its preferred safe fix, else its only safe one. */
export function automaticFix(problem: Problem): Fix | null {
  // Fixes that create files are offered one by one, not folded into a fix-all of text edits.
  const safe = problem.fixes.filter((fix) => !fix.unsafe && !fix.createFiles);
  return safe.find((fix) => fix.preferred) ?? (safe.length === 1 ? (safe[0] as Fix) : null);
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
    if (!fix || fix.edits.some((edit) => edits.some((taken) => editsOverlap(edit, taken)))) continue;
    edits.push(...fix.edits);
    fixed.push(problem);
  }
  return { edits, fixed };
}
