import type { Rule } from './rule';
import stageRefForward from './stage-ref-forward';
import stageRefSelf from './stage-ref-self';
import stageRefUnknown from './stage-ref-unknown';

/** Every rule, in the order their problems are reported. */
export const RULES: readonly Rule[] = [stageRefUnknown, stageRefForward, stageRefSelf];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
