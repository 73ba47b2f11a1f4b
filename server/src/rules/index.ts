import addInsteadOfCopy from './add-instead-of-copy';
import apkNoCache from './apk-no-cache';
import aptListsNotCleaned from './apt-lists-not-cleaned';
import aptNoInstallRecommends from './apt-no-install-recommends';
import finalUserRoot from './final-user-root';
import fromAsCasing from './from-as-casing';
import imageUnpinned from './image-unpinned';
import maintainerDeprecated from './maintainer-deprecated';
import type { Rule } from './rule';
import runConsecutive from './run-consecutive';
import stageNameCasing from './stage-name-casing';
import stageNameDuplicate from './stage-name-duplicate';
import stageNameReserved from './stage-name-reserved';
import stageRefForward from './stage-ref-forward';
import stageRefNumeric from './stage-ref-numeric';
import stageRefSelf from './stage-ref-self';
import stageRefUnknown from './stage-ref-unknown';
import stageUnused from './stage-unused';

/** Every rule, in the order their problems are reported: stage graph, base images, final stage, size. */
export const RULES: readonly Rule[] = [
  stageRefUnknown,
  stageRefForward,
  stageRefSelf,
  stageNameDuplicate,
  stageNameReserved,
  stageNameCasing,
  stageRefNumeric,
  stageUnused,
  fromAsCasing,
  maintainerDeprecated,
  imageUnpinned,
  finalUserRoot,
  addInsteadOfCopy,
  runConsecutive,
  aptListsNotCleaned,
  aptNoInstallRecommends,
  apkNoCache,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
