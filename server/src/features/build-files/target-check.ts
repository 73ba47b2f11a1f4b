import { closestName, unknownTargetMessage } from '../../config/project-config-check';
import { computeLineStarts, lineEndOffset } from '../../model/scanner';
import type { FieldSpan, TargetReference } from '../../workspace/types';
import { stageNamed, type BuildFileDocument } from './build-file';

/** Codes of the problems a build file's target fields can have. */
export const UNKNOWN_TARGET = 'build-target-unknown';
export const MISSING_DOCKERFILE = 'build-dockerfile-missing';

/** A problem at offsets of a build file. */
export interface BuildFileProblem {
  readonly start: number;
  readonly end: number;
  readonly code: typeof UNKNOWN_TARGET | typeof MISSING_DOCKERFILE;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The stage name a quick fix writes instead ("did you mean"). */
  readonly replacement?: string;
}

/**
 * What would make a build of this file fail before it starts: a target that names no stage of its
 * Dockerfile (with the nearest name), a Dockerfile that is not there. Silent where it cannot know:
 * targets written with variables, Dockerfiles a CI job may find elsewhere.
 */
export function checkBuildFile(document: BuildFileDocument): BuildFileProblem[] {
  const problems: BuildFileProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: BuildFileProblem): void => {
    const key = `${problem.start}:${problem.end}:${problem.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  for (const reference of document.references) {
    const built = document.dockerfile(reference.dockerfile);
    if (!built) {
      const at = placeOf(document, reference, [reference.dockerfileField, reference.targetField]);
      if (at && reference.dockerfileCertain === true) {
        add({ ...at, code: MISSING_DOCKERFILE, severity: 'warning', message: `No Dockerfile at \`${reference.dockerfile}\`: ${reference.source.label} cannot be built.` });
      }
      continue;
    }
    const field = reference.targetField;
    if (!field || field.file !== document.file || !field.literal || reference.target === null || reference.targetHasVariables) continue;
    if (stageNamed(built.model, reference.target)) continue;
    const names = built.model.stages.map((stage) => stage.name).filter((name): name is string => name !== null);
    const closest = closestName(reference.target, names);
    add({
      start: field.start,
      end: field.end,
      code: UNKNOWN_TARGET,
      severity: 'error',
      message: unknownTargetMessage(reference.target, [{ file: built.path, stageNames: names }]) ?? '',
      ...(closest ? { replacement: closest } : {}),
    });
  }
  return problems;
}

/** The first of the spans written in this file; else the line of the build, when it is this file's. */
function placeOf(document: BuildFileDocument, reference: TargetReference, spans: readonly (FieldSpan | undefined)[]): { start: number; end: number } | null {
  const span = spans.find((s) => s !== undefined && s.file === document.file);
  if (span) return { start: span.start, end: span.end };
  if (reference.source.file !== document.file) return null;
  const lineStarts = computeLineStarts(document.text);
  const line = Math.min(reference.source.line, lineStarts.length - 1);
  const start = lineStarts[line] ?? 0;
  const lineText = document.text.slice(start, lineEndOffset(document.text, lineStarts, line));
  const indent = lineText.length - lineText.trimStart().length;
  return { start: start + indent, end: start + lineText.trimEnd().length };
}
