import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** True for `Dockerfile`, `*.Dockerfile`, `Dockerfile.*`, `Containerfile` (and `Containerfile.*`). */
export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.Dockerfile$/.test(name);
}

/** The Dockerfiles below a folder, sorted, skipping `node_modules` and `.git`. */
export function findDockerfiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.isFile() && isDockerfileName(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(folder);
  return found;
}

export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
