import { fileURLToPath } from 'node:url';
import { BoundedCache } from '../support/bounded-cache';

/** Enough for every open document and the build files beside them. */
const paths = new BoundedCache<string | null>(4096);

/**
 * The file path of a `file:` URI, null for any other scheme. Kept per URI: every lint asks for the
 * path of its document several times (project file, build context, workspace index, file name),
 * and each conversion parses the URI again.
 */
export function filePathOf(uri: string): string | null {
  return paths.get(uri, (key) => {
    try {
      return key.startsWith('file:') ? fileURLToPath(key) : null;
    } catch {
      return null;
    }
  });
}
