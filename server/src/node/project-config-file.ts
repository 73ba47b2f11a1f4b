import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../../../common/settings';

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

