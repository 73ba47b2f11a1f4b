import type { OtherTool } from '../../../common/settings';
import { RULES } from './index';

/**
 * Our rules that Container Tools' language server (dockerfile-utils) also reports, with its
 * validation code. They are about the same mistake on the same line.
 */
export const CONTAINER_TOOLS_OVERLAP: Readonly<Record<string, string>> = {
  'instruction-invalid': 'UNKNOWN_INSTRUCTION, ARGUMENT_MISSING, UNKNOWN_*_FLAG',
  'stage-name-duplicate': 'DUPLICATE_BUILD_STAGE_NAME',
  'no-empty-continuation': 'EMPTY_CONTINUATION_LINE',
  'multiple-instructions-disallowed': 'MULTIPLE_INSTRUCTIONS',
  'maintainer-deprecated': 'DEPRECATED_MAINTAINER',
  'workdir-relative-path': 'WORKDIR_IS_NOT_ABSOLUTE',
  'consistent-instruction-casing': 'CASING_INSTRUCTION',
};

/**
 * Checks Docker DX does not run in the editor: the experimental ones BuildKit runs only when
 * asked to (CopyIgnoredFile), and those that need the base image's config, which only a build
 * resolves (InvalidBaseImagePlatform).
 */
const NOT_IN_EDITOR: ReadonlySet<string> = new Set(['CopyIgnoredFile', 'InvalidBaseImagePlatform']);

/** Our rules that Docker DX reports through BuildKit's build checks. */
export const DOCKER_DX_OVERLAP: Readonly<Record<string, string>> = Object.fromEntries(
  RULES.filter((rule) => rule.buildkit !== undefined && !NOT_IN_EDITOR.has(rule.buildkit)).map((rule) => [rule.id, rule.buildkit as string]),
);

/** Rule ids to turn off because the given tools already report them. */
export function rulesReportedBy(tools: readonly OtherTool[]): string[] {
  const ids = new Set<string>();
  if (tools.includes('containerTools')) for (const id of Object.keys(CONTAINER_TOOLS_OVERLAP)) ids.add(id);
  if (tools.includes('dockerDX')) for (const id of Object.keys(DOCKER_DX_OVERLAP)) ids.add(id);
  return [...ids].sort();
}
