import { fileURLToPath } from 'node:url';

/** Enough for every open document and the build files beside them; past it the table starts over. */
const MAX_KEPT = 4096;

const paths = new Map<string, string | null>();

/**
 * The file path of a `file:` URI, null for any other scheme. Kept per URI: every lint asks for the
 * path of its document several times (project file, build context, workspace index, file name),
 * and each conversion parses the URI again.
 */
export function filePathOf(uri: string): string | null {
  let known = paths.get(uri);
  if (known !== undefined) return known;
  try {
    known = uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    known = null;
  }
  if (paths.size >= MAX_KEPT) paths.clear();
  paths.set(uri, known);
  return known;
}
