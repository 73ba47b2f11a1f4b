import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';
import { RULES } from '../rules/index';
import type { Rule, RuleTag, Severity } from '../rules/rule';

export type SeveritySetting = Severity | 'off';

export interface LintOptions {
  /** Per-rule severity overrides; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
}

/** One finding of one rule, free of any protocol type. */
export interface Problem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly tags: readonly RuleTag[];
}

export interface LintResult {
  readonly problems: Problem[];
  /** Rules that threw, with their error, so the edge can log them; the other rules still ran. */
  readonly failures: { readonly ruleId: string; readonly error: unknown }[];
}

/** Runs every enabled rule over the model. A rule that throws is reported, never fatal. */
export function lint(model: DockerfileModel, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const problems: Problem[] = [];
  const failures: LintResult['failures'] = [];
  for (const rule of rules) {
    const setting = options.severities?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        report: ({ range, message }) => problems.push({ ruleId: rule.id, severity: setting, message, range, tags: rule.tags ?? [] }),
      });
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
    }
  }
  return { problems, failures };
}
