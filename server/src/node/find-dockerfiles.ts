import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Suffixes that make a `Dockerfile.*` name something else: ignore files, docs, code, templates. */
const NOT_A_DOCKERFILE = /\.(dockerignore|md|txt|go|rs|py|js|ts|json|ya?ml|sh|ps1|template|tmpl|j2|erb|orig|bak|swp)$/i;

/**
 * True for the names projects give Dockerfiles, in any case: `Dockerfile`, `Containerfile`, with a
 * `.`, `-` or `_` suffix (`Dockerfile.dev`, `Dockerfile-windows`, `Dockerfile_amd`) or as a
 * `.dockerfile` / `.containerfile` extension (`alpine.dockerfile`); not `Dockerfile.dockerignore`,
 * `Dockerfile.5.md` or `dockerfile.go`.
 */
export function isDockerfileName(name: string): boolean {
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(dockerfile|containerfile)([._-].+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
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
