import addInsteadOfCopy from './add-instead-of-copy';
import automaticArgPinned from './automatic-arg-pinned';
import apkNoCache from './apk-no-cache';
import aptListsNotCleaned from './apt-lists-not-cleaned';
import aptNoInstallRecommends from './apt-no-install-recommends';
import finalUserRoot from './final-user-root';
import fromAsCasing from './from-as-casing';
import imageUnpinned from './image-unpinned';
import maintainerDeprecated from './maintainer-deprecated';
import consistentInstructionCasing from './consistent-instruction-casing';
import jsonArgsRecommended from './json-args-recommended';
import multipleInstructionsDisallowed from './multiple-instructions-disallowed';
import legacyKeyValueFormat from './legacy-key-value-format';
import workdirRelativePath from './workdir-relative-path';
import redundantTargetPlatform from './redundant-target-platform';
import baseImagePlatform from './base-image-platform';
import fromPlatformFlagConstDisallowed from './from-platform-flag-const-disallowed';
import exposeProtoCasing from './expose-proto-casing';
import exposeInvalidFormat from './expose-invalid-format';
import copyFromNoChown from './copy-from-no-chown';
import finalNoHealthcheck from './final-no-healthcheck';
import buildToolsInRuntime from './build-tools-in-runtime';
import copyWholeStage from './copy-whole-stage';
import copyBeforeInstall from './copy-before-install';
import secretInArgEnv from './secret-in-arg-env';
import argNotInStage from './arg-not-in-stage';
import permissionsAfterCopy from './permissions-after-copy';
import packagesAfterCopy from './packages-after-copy';
import imageHeavyRuntime from './image-heavy-runtime';
import muslGlibcMismatch from './musl-glibc-mismatch';
import contextSecretCopied from './context-secret-copied';
import copyIgnoredFile from './copy-ignored-file';
import dockerignoreMissing from './dockerignore-missing';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from';
import noEmptyContinuation from './no-empty-continuation';
import type { Rule } from './rule';
import undefinedVar from './undefined-var';
import undefinedArgInFrom from './undefined-arg-in-from';
import syntaxError from './syntax-error';
import instructionInvalid from './instruction-invalid';
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
  syntaxError,
  instructionInvalid,
  noEmptyContinuation,
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
  consistentInstructionCasing,
  jsonArgsRecommended,
  multipleInstructionsDisallowed,
  legacyKeyValueFormat,
  workdirRelativePath,
  redundantTargetPlatform,
  automaticArgPinned,
  fromPlatformFlagConstDisallowed,
  exposeProtoCasing,
  exposeInvalidFormat,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  undefinedVar,
  imageUnpinned,
  baseImagePlatform,
  imageHeavyRuntime,
  muslGlibcMismatch,
  finalUserRoot,
  copyFromNoChown,
  finalNoHealthcheck,
  buildToolsInRuntime,
  copyWholeStage,
  copyBeforeInstall,
  secretInArgEnv,
  argNotInStage,
  permissionsAfterCopy,
  packagesAfterCopy,
  dockerignoreMissing,
  contextSecretCopied,
  copyIgnoredFile,
  addInsteadOfCopy,
  runConsecutive,
  aptListsNotCleaned,
  aptNoInstallRecommends,
  apkNoCache,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
