/**
 * Workspace paths are relative to the workspace root, with `/` separators and no `.` or `..`
 * segments; the root itself is ''. Pure string functions, so the index runs anywhere.
 */

/** Joins and normalizes; null when the path climbs above the workspace root. */
export function joinPath(base: string, relative: string): string | null {
  const parts: string[] = [];
  const input = relative.startsWith('/') ? relative.slice(1) : `${base}/${relative}`;
  for (const part of input.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
