import { OPEN_FILE_COMMAND } from '../../../common/ids';
import { shellCheckPage } from '../engine/shellcheck';
import { plainSnippetEdits } from '../engine/fix-all';
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
    // ShellCheck's findings link to its own pages.
    codeDescription: { href: /^SC\d+$/.test(problem.ruleId) ? shellCheckPage(problem.ruleId) : `${docsBaseUri}/${problem.ruleId}.md` },
    message: problem.message,
  };
  if (problem.tags.length > 0) diagnostic.tags = problem.tags.map((tag) => TAGS[tag]);
  return diagnostic;
}

/** How a snippet fix reaches the editor: as a snippet edit when it supports them, else with plain placeholders. */
export interface SnippetSupport {
  readonly supported: boolean;
  readonly version: number;
}

/** `openCreated`: the client is the extension, which has the command that opens a created file. */
export function toCodeAction(plan: ActionPlan, uri: string, docsBaseUri: string, snippets?: SnippetSupport, openCreated = false): CodeAction {
  let edit: CodeAction['edit'] = { changes: { [uri]: [...plan.edits] } };
  if (plan.snippet && snippets?.supported) {
    edit = {
      documentChanges: [
        { textDocument: { uri, version: snippets.version }, edits: plan.edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet', value: e.newText } })) },
      ],
    };
  } else if (plan.createFiles && plan.createFiles.length > 0) {
    const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
    edit = {
      documentChanges: plan.createFiles.flatMap((file) => {
        const fileUri = `${folder}${file.path}`;
        return [
          { kind: 'create' as const, uri: fileUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: fileUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.content }] },
        ];
      }),
    };
  } else if (plan.snippet) {
    // Without snippet support each placeholder is written as its default: `<version>` where the user
    // must type, a working name (`build`) where one will do.
    edit = { changes: { [uri]: plainSnippetEdits(plan.edits) } };
  }
  const action: CodeAction = {
    title: plan.title,
    kind: plan.kind,
    diagnostics: plan.problems.map((problem) => toDiagnostic(problem, docsBaseUri)),
    edit,
  };
  if (plan.preferred) action.isPreferred = true;
  // A file the fix creates is opened, for the user to see and adjust it.
  const created = plan.createFiles?.[0];
  if (created && openCreated && !(plan.snippet && snippets?.supported)) action.command = { title: 'Open the new file', command: OPEN_FILE_COMMAND, arguments: [`${uri.slice(0, uri.lastIndexOf('/') + 1)}${created.path}`] };
  return action;
}
