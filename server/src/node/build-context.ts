import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import * as path from 'node:path';
import type { BuildContext } from '../rules/rule';
import { readTextOrNull } from './project-config-file';

const MAX_ENTRIES = 2000;
const MAX_DEPTH = 3;
/** Folders listed by name but not entered: large, and never the place for a stray secret. */
const NOT_ENTERED = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', 'build', '.venv', 'venv', '__pycache__']);

/**
 * Reads what the rules may know of a build context: the `.dockerignore` that applies (BuildKit
 * prefers `<Dockerfile name>.dockerignore` beside the Dockerfile) and a bounded listing of paths.
 */
export function readBuildContext(dockerfilePath: string, contextFolder = path.dirname(dockerfilePath), assumed = false): BuildContext {
  const specific = readTextOrNull(`${dockerfilePath}.dockerignore`);
  const dockerignore = specific ?? readTextOrNull(path.join(contextFolder, '.dockerignore'));
  return { dockerignore, entries: listEntries(contextFolder), ...(assumed ? { assumed } : {}), readFile: (relative) => readStart(contextFolder, relative) };
}

/** How much of a context file the rules may read: enough to see a key block or a token. */
const READ_LIMIT = 64 * 1024;

/** The start of a file inside the context folder (never outside it), or null. */
function readStart(contextFolder: string, relative: string): string | null {
  const full = path.resolve(contextFolder, relative);
  if (path.relative(contextFolder, full).startsWith('..')) return null;
  try {
    const fd = openSync(full, 'r');
    try {
      const buffer = Buffer.alloc(READ_LIMIT);
      const bytes = readSync(fd, buffer, 0, READ_LIMIT, 0);
      return buffer.subarray(0, bytes).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function listEntries(root: string): string[] {
  const entries: string[] = [];
  let level: string[] = [''];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && entries.length < MAX_ENTRIES; depth++) {
    const next: string[] = [];
    for (const relative of level) {
      let children;
      try {
        children = readdirSync(path.join(root, relative), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const child of children) {
        if (entries.length >= MAX_ENTRIES) break;
        const childPath = relative === '' ? child.name : `${relative}/${child.name}`;
        entries.push(childPath);
        if (child.isDirectory() && !NOT_ENTERED.has(child.name)) next.push(childPath);
      }
    }
    level = next;
  }
  return entries;
}
