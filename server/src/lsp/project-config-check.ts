import { fileURLToPath } from 'node:url';
import type { CheckProjectConfigParams, CheckProjectConfigResult } from '../../../common/protocol';
import { checkProjectConfigText } from '../config/project-config-check';
import { computeLineStarts, positionAtOffset } from '../model/scanner';
import { governedDockerfiles, readTextOrNull } from '../node/project-config-file';

/** A `.dockerfile-stages.json` being edited: a target that names no stage of the Dockerfiles it applies to. */
export function checkProjectConfig(params: CheckProjectConfigParams, openText: (file: string) => string | null): CheckProjectConfigResult {
  if (!params.uri.startsWith('file:')) return { problems: [] };
  const file = fileURLToPath(params.uri);
  const governed = governedDockerfiles(file, (dockerfile) => openText(dockerfile) ?? readTextOrNull(dockerfile));
  const lineStarts = computeLineStarts(params.text);
  const at = (offset: number) => positionAtOffset(lineStarts, offset);
  return {
    problems: checkProjectConfigText(params.text, governed).map((problem) => ({
      range: { start: at(problem.offset), end: at(problem.offset + problem.length) },
      message: problem.message,
    })),
  };
}

