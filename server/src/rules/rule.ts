import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleTag = 'unnecessary' | 'deprecated';

export interface ReportedProblem {
  readonly range: Range;
  readonly message: string;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  report(problem: ReportedProblem): void;
}

export interface Rule {
  /** Stable kebab-case id; also the name of the rule's file and of its doc page. */
  readonly id: string;
  /** One line, shown on hover and in the rule list. */
  readonly summary: string;
  readonly severity: Severity;
  readonly tags?: readonly RuleTag[];
  check(context: RuleContext): void;
}

/** Declares a rule; a function rather than a bare object so that every rule file reads the same. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
