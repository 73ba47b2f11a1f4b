import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../../../common/settings';
import type { GovernedDockerfile } from '../config/project-config-check';
import { buildModel } from '../model/model-builder';
import { findDockerfiles } from './find-dockerfiles';

/** Finds the `.dockerfile-stages.json` nearest to a path, walking up; null when there is none. */
export function findProjectConfigFile(startFolder: string, read: (file: string) => string | null): { file: string; text: string } | null {
  let folder = path.resolve(startFolder);
  for (;;) {
    const file = path.join(folder, PROJECT_CONFIG_FILE);
    const text = read(file);
    if (text !== null) return { file, text };
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

export function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}


/** Dockerfiles looked at below a configuration's folder, at most (a monorepo root can hold thousands). */
const MAX_GOVERNED = 200;

/**
 * The Dockerfiles a configuration file applies to: those below its folder whose nearest
 * configuration it is, with their stage names. `textOf` gives the editor's text of open files.
 */
export function governedDockerfiles(configFile: string, textOf: (file: string) => string | null = readTextOrNull): GovernedDockerfile[] {
  const folder = path.dirname(configFile);
  const governed: GovernedDockerfile[] = [];
  // Dockerfiles side by side share their nearest configuration: look it up once per folder.
  const nearest = new Map<string, string | null>();
  const nearestTo = (dockerfileFolder: string): string | null => {
    if (!nearest.has(dockerfileFolder)) nearest.set(dockerfileFolder, findProjectConfigFile(dockerfileFolder, readTextOrNull)?.file ?? null);
    return nearest.get(dockerfileFolder) ?? null;
  };
  for (const file of findDockerfiles(folder)) {
    if (governed.length >= MAX_GOVERNED) break;
    if (nearestTo(path.dirname(file)) !== configFile) continue;
    const text = textOf(file);
    if (text === null) continue;
    const stageNames = buildModel(text).stages.flatMap((stage) => (stage.name === null ? [] : [stage.name]));
    governed.push({ file: path.relative(folder, file).split(path.sep).join('/'), stageNames });
  }
  return governed;
}
