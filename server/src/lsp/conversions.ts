import { DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { ActionPlan } from '../features/code-actions';
import type { Problem } from '../engine/lint';
import type { RuleTag, Severity } from '../rules/rule';

export const DIAGNOSTIC_SOURCE = 'dockerfile-stages';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<RuleTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** `docsBaseUri` is where the rule pages live (`<base>/<rule-id>.md`). */
export function toDiagnostic(problem: Problem, docsBaseUri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: problem.range,
    severity: SEVERITIES[problem.severity],
    source: DIAGNOSTIC_SOURCE,
    code: problem.ruleId,
    codeDescription: { href: `${docsBaseUri}/${problem.ruleId}.md` },
    message: problem.message,
  };
  if (problem.tags.length > 0) diagnostic.tags = problem.tags.map((tag) => TAGS[tag]);
  return diagnostic;
}

export function toCodeAction(plan: ActionPlan, uri: string, docsBaseUri: string): CodeAction {
  const action: CodeAction = {
    title: plan.title,
    kind: plan.kind,
    diagnostics: plan.problems.map((problem) => toDiagnostic(problem, docsBaseUri)),
    edit: { changes: { [uri]: [...plan.edits] } },
  };
  if (plan.preferred) action.isPreferred = true;
  return action;
}
