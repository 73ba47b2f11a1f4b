import type { TextEdit } from 'vscode-languageserver-types';
import { lineBreak, lineText, stageAtLine } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import type { Fix, Rule } from '../rules/rule';
import type { Problem } from './lint';

const OWN_LINE_COMMENT = /^(\s*#\s*dockerfile-stages\s+ignore=)([\w,\s-]+?)(\s*(?:#.*)?)$/i;

/** "Ignore on this line", "Ignore in this file" and, for BuildKit checks, "Skip in docker build --check too". */
export function suppressionFixes(model: DockerfileModel, problem: Problem, rule: Rule): Fix[] {
  const fixes: Fix[] = [];
  const onLine = ignoreOnLine(model, problem);
  if (onLine) fixes.push({ title: `Ignore ${rule.id} on this line`, edits: [onLine] });
  fixes.push({ title: `Ignore ${rule.id} in this file`, edits: [ignoreInFile(model, rule.id)] });
  if (rule.buildkit) fixes.push({ title: `Skip ${rule.buildkit} in docker build --check too`, edits: [skipCheck(model, rule.buildkit)] });
  return fixes;
}

/** Our comment above the instruction of the problem, merged into one that is already there. */
function ignoreOnLine(model: DockerfileModel, problem: Problem): TextEdit | null {
  const line = problem.range.start.line;
  const instructions = stageAtLine(model, line)?.instructions ?? model.preamble;
  const owner = instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
  if (!owner) return null;
  const start = owner.range.start.line;
  const above = start > 0 ? lineText(model, start - 1) : '';
  const existing = OWN_LINE_COMMENT.exec(above);
  if (existing) {
    const ids = (existing[2] as string).split(/[,\s]+/).filter(Boolean);
    if (ids.includes(problem.ruleId)) return null;
    const from = (existing[1] as string).length;
    const to = from + (existing[2] as string).length;
    return { range: { start: { line: start - 1, character: from }, end: { line: start - 1, character: to } }, newText: [...ids, problem.ruleId].join(',') };
  }
  const indent = /^\s*/.exec(lineText(model, start))?.[0] ?? '';
  return {
    range: { start: { line: start, character: 0 }, end: { line: start, character: 0 } },
    newText: `${indent}# dockerfile-stages ignore=${problem.ruleId} # reason${lineBreak(model)}`,
  };
}

/** `# dockerfile-stages ignore-file=<id>` right after the parser directives (before them it would end them). */
function ignoreInFile(model: DockerfileModel, ruleId: string): TextEdit {
  const line = model.directives.length;
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `# dockerfile-stages ignore-file=${ruleId}${lineBreak(model)}`,
  };
}

/** Adds the check to the `# check=skip=` directive, or writes one; never a second `check` directive. */
function skipCheck(model: DockerfileModel, check: string): TextEdit {
  const directive = model.directives.find((d) => d.name === 'check');
  if (!directive) {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# check=skip=${check}${lineBreak(model)}` };
  }
  const parts = directive.value.split(';').map((part) => part.trim()).filter(Boolean);
  const skipIndex = parts.findIndex((part) => part.toLowerCase().startsWith('skip='));
  if (skipIndex === -1) parts.unshift(`skip=${check}`);
  else {
    const names = (parts[skipIndex] as string).slice(5).split(',').map((n) => n.trim()).filter(Boolean);
    if (!names.some((n) => n === check || n.toLowerCase() === 'all')) names.push(check);
    parts[skipIndex] = `skip=${names.join(',')}`;
  }
  return { range: directive.valueRange, newText: parts.join(';') };
}
