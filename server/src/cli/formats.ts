import { automaticFileFix, automaticFix, plainEdits } from '../engine/fix-all';
import { RULES } from '../rules/index';
import type { Severity } from '../rules/rule';
import type { FileResult } from './check-command';
import type { StagePurpose } from '../model/shipping';

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

interface TextStyle {
  readonly color: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  hint: ['\u001b[90m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m'],
};

/** `path:line:col severity rule-id message`, grouped per file, each with its line below. */
export function formatText(results: readonly FileResult[], style: TextStyle, quiet: boolean): string {
  const paint = (kind: keyof typeof COLORS, text: string) => (style.color ? `${COLORS[kind][0]}${text}${COLORS[kind][1]}` : text);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixed = 0;
  for (const result of results) {
    if (result.skipped) {
      out.push(`${result.file}: skipped (${result.skipped})`);
      continue;
    }
    if (result.fixed) {
      fixed += result.fixed;
      if (!quiet) out.push(`${result.file}: fixed ${result.fixed} problem${result.fixed === 1 ? '' : 's'}`);
    }
    if (result.problems.length === 0 && !result.stages) continue;
    if (!quiet) out.push(paint('bold', result.file));
    for (const stage of result.stages ?? []) out.push(`  ${explainStage(stage)}`);
    for (const problem of result.problems) {
      counts[problem.severity]++;
      const { line, character } = problem.range.start;
      out.push(`${result.file}:${line + 1}:${character + 1} ${paint(problem.severity, problem.severity)} ${problem.ruleId} ${problem.message}`);
      if (!quiet) out.push(paint('dim', `    ${result.line(line).trim()}`));
    }
  }
  if (!quiet) {
    const total = counts.error + counts.warning + counts.info + counts.hint;
    const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
    const checked = results.filter((r) => !r.skipped).length;
    out.push(
      `${checked} file${checked === 1 ? '' : 's'} checked: ${total === 0 ? 'no problems' : parts.join(', ')}${fixed > 0 ? `; ${fixed} fixed` : ''}.`,
    );
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** One line per stage for `--explain`: "stage 'runtime' (#1): runtime, ships (compose.yaml:5 ships it), deployed — it has a command". */
export function explainStage(stage: StagePurpose): string {
  const title = `stage ${stage.name ? `'${stage.name}' ` : ''}#${stage.index}`;
  const layers = stage.layers === 'yes' ? 'its layers ship' : stage.layers === 'dev' ? 'a development image' : 'its layers ship in no image';
  const ships = stage.ships ? ` (${stage.ships})` : '';
  return `${title}: ${stage.role} (${stage.because}); ${layers}${ships}; ${stage.deployed ? 'runs as a deployed process' : 'not a deployed process'}.`;
}

/** Every fix offered for a problem, with its edits, for a person or a bot to review; `automatic` is the one --fix applies. */
function fixesOf(problem: FileResult['problems'][number]) {
  const automatic = [automaticFix(problem), automaticFileFix(problem)];
  return problem.fixes.map((fix) => ({
    title: fix.title,
    automatic: automatic.includes(fix),
    edits: plainEdits(fix),
    ...(fix.createFiles ? { createFiles: fix.createFiles } : {}),
  }));
}

/** The stable JSON shape documented in the README. */
export function formatJson(results: readonly FileResult[]): string {
  const fixable = (problem: FileResult['problems'][number]) => problem.fixes.some((fix) => !fix.unsafe && (fix.edits.length > 0 || (fix.createFiles?.length ?? 0) > 0));
  const files = results.map((result) => ({
    file: result.file,
    ...(result.skipped ? { skipped: result.skipped } : {}),
    ...(result.stages ? { stages: result.stages } : {}),
    diagnostics: result.problems.map((problem) => ({
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      range: problem.range,
      fixable: fixable(problem),
      fixes: fixesOf(problem),
    })),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: the rule catalogue and one result per problem, with 1-based regions. */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockerfile-stages',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              help: { text: `${rule.summary} See docs/rules/${rule.id}.md.`, markdown: `${rule.summary} See [${rule.id}](docs/rules/${rule.id}.md).` },
              defaultConfiguration: { level: SARIF_LEVELS[rule.severity] },
              properties: { tags: [...(rule.buildkit ? [`buildkit:${rule.buildkit}`] : []), ...(rule.hadolint ?? []).map((code) => `hadolint:${code}`)] },
            })),
          },
        },
        results: results.flatMap((result) =>
          result.problems.map((problem) => ({
            ruleId: problem.ruleId,
            ruleIndex: ruleIndex.get(problem.ruleId) ?? 0,
            level: SARIF_LEVELS[problem.severity],
            message: { text: problem.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: result.file === '-' ? 'stdin' : result.file.split('\\').join('/') },
                  region: {
                    startLine: problem.range.start.line + 1,
                    startColumn: problem.range.start.character + 1,
                    endLine: problem.range.end.line + 1,
                    endColumn: problem.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const GITHUB_LEVELS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands, one per problem. */
export function formatGithub(results: readonly FileResult[]): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = results.flatMap((result) =>
    result.problems.map((problem) => {
      const { start, end } = problem.range;
      return `::${GITHUB_LEVELS[problem.severity]} file=${escapeProperty(result.file)},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${escapeProperty(problem.ruleId)}::${escapeData(problem.message)}`;
    }),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
