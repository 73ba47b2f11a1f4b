import type { Range } from 'vscode-languageserver-types';
import { builtInFacts, type SourcedFacts } from '../images/image-facts';
import { computeShipping, type Shipping } from '../model/shipping';
import { resolveTarget, stagesNeededBy } from '../model/stage-graph';
import type { BuildTargetUse } from '../model/stage-roles';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { contextFits } from '../rules/context-files';
import { DEFAULT_PLATFORM, parsePlatform } from '../words/platform';
import { RULES } from '../rules/index';
import type { BuildContext, Fix, ReportedProblem, Rule, RuleTag, Severity } from '../rules/rule';
import { Suppressions, type Suppression } from './suppression';

export type SeveritySetting = Severity | 'off';

const NO_NAMES: ReadonlySet<string> = new Set();

export interface LintOptions {
  /** Per-rule severity overrides; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** The stage that is built, when the user chose it (`--target`, setting, project file, picker). */
  readonly target?: string;
  /** What the workspace's build files say about this Dockerfile (the target index). */
  readonly uses?: readonly BuildTargetUse[];
  /** The Dockerfile's path in its workspace (`/` separators), or its name: `Dockerfile.dev` and `test/mock/Dockerfile` say what its stages are for. */
  readonly fileName?: string;
  /** The workspace files read for build targets, for messages that say what was looked at. */
  readonly targetFiles?: readonly string[];
  /** Image names the workspace builds and tags itself (normalized, no tag): local images, not pulls. */
  readonly localImages?: ReadonlySet<string>;
  /** Named build contexts the workspace's builds pass (`--build-context`, Bake `contexts`), lower-case. */
  readonly namedContexts?: ReadonlySet<string>;
  /** What is known of base images; the built-in table when absent. */
  readonly imageFacts?: (image: string) => SourcedFacts | null;
  /** The build context, when the edge knows it. */
  readonly buildContext?: BuildContext | null;
  /** The target platform (`linux/arm64`) the automatic build arguments take; the edge passes the host's. */
  readonly platform?: string;
}

/** One finding of one rule, free of any protocol type. */
export interface Problem {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly tags: readonly RuleTag[];
  readonly fixes: readonly Fix[];
}

export interface LintResult {
  readonly problems: Problem[];
  /** Problems silenced by a suppression comment, with the comment that silenced them. */
  readonly suppressed: { readonly problem: Problem; readonly by: Suppression }[];
  /** Rules that threw, with their error, so the edge can log them; the other rules still ran. */
  readonly failures: { readonly ruleId: string; readonly error: unknown }[];
}

/** Runs every enabled rule over the model. A rule that throws is reported, never fatal. */
/** One level down, for a finding true only on a branch the build chooses. */
const LOWER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

export function lint(model: DockerfileModel, options: LintOptions = {}, rules: readonly Rule[] = RULES): LintResult {
  const result: LintResult = { problems: [], suppressed: [], failures: [] };
  const imageFacts = options.imageFacts ?? builtInFacts;
  const buildTarget = resolveTarget(model, options.target);
  const neededStages = buildTarget ? stagesNeededBy(model, buildTarget) : new Set<number>();
  const shipping = shippingFor(model, options);
  const buildContext = usableContext(model, options.buildContext ?? null);
  const suppressions = new Suppressions(model);
  // One context for every rule (rules run one after another): its `report` files under the rule running.
  let rule = rules[0] as Rule;
  let setting: Severity = rule?.severity ?? 'warning';
  // A rule says a thing once where it is written, however many stages that build on it reach it.
  const reported = new Set<string>();
  const report = ({ range, message, fixes, lowered }: ReportedProblem): void => {
    const at = `${rule.id} ${range.start.line}:${range.start.character}`;
    if (reported.has(at)) return;
    reported.add(at);
    const severity: Severity = lowered ? LOWER[setting] : setting;
    const problem: Problem = { ruleId: rule.id, severity, message, range, tags: rule.tags ?? [], fixes: fixes ?? [] };
    const by = suppressions.find(rule, range.start.line);
    if (by) result.suppressed.push({ problem, by });
    else result.problems.push(problem);
  };
  const context = { model, shipping, neededStages, targetFiles: options.targetFiles ?? [], imageFacts, localImages: options.localImages ?? NO_NAMES, namedContexts: options.namedContexts ?? NO_NAMES, platform: parsePlatform(options.platform ?? '') ?? DEFAULT_PLATFORM, buildContext, report };
  for (const next of rules) {
    const chosen = options.severities?.[next.id] ?? next.severity;
    if (chosen === 'off') continue;
    rule = next;
    setting = chosen;
    try {
      rule.check?.(context);
      if (rule.checkStage) for (const stage of model.stages) for (const problem of stageProblems(rule, model, stage)) report(problem);
    } catch (error) {
      result.failures.push({ ruleId: rule.id, error });
    }
  }
  return result;
}

/** The build context, unless it was assumed and the files the Dockerfile copies are not in it. */
function usableContext(model: DockerfileModel, context: BuildContext | null): BuildContext | null {
  if (!context?.assumed) return context;
  return contextFits(model.stages.flatMap((stage) => stage.instructions), context) ? context : null;
}

/** What ships and what each stage is for, from the same options the rules get. */
export function shippingFor(model: DockerfileModel, options: LintOptions = {}): Shipping {
  const imageFacts = options.imageFacts ?? builtInFacts;
  return computeShipping(model, {
    explicitTarget: options.target ?? null,
    uses: options.uses ?? [],
    facts: (image) => imageFacts(image)?.facts ?? null,
    fileName: options.fileName ?? null,
  });
}

interface StageResult {
  readonly index: number;
  readonly inputs: string;
  readonly problems: readonly ReportedProblem[];
}

/**
 * Problems of stage checks, per rule, kept with the stage's instruction list. The model builder
 * hands out the same list for a stage whose text and place did not change, so a hit means the
 * stage is as it was; the list being weakly held, results go with the stage.
 */
const stageResults = new WeakMap<readonly Instruction[], Map<string, StageResult>>();

function stageProblems(rule: Rule, model: DockerfileModel, stage: Stage): readonly ReportedProblem[] {
  let byRule = stageResults.get(stage.instructions);
  if (!byRule) {
    byRule = new Map();
    stageResults.set(stage.instructions, byRule);
  }
  const inputs = rule.stageInputs?.(model, stage) ?? '';
  const cached = byRule.get(rule.id);
  if (cached && cached.index === stage.index && cached.inputs === inputs) return cached.problems;
  const problems: ReportedProblem[] = [];
  rule.checkStage?.({ model, stage, report: (problem) => problems.push(problem) });
  byRule.set(rule.id, { index: stage.index, inputs, problems });
  return problems;
}
