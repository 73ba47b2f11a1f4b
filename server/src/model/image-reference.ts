import type { Range } from 'vscode-languageserver-types';
import { subRange } from './positions';
import type { ImageReference, TextSpan } from './types';

/**
 * Splits an image reference the way Docker does: the first path component is a registry when it
 * has a `.` or a `:` or is `localhost`; `@` starts the digest; the last `:` after the last `/`
 * starts the tag. Ranges are computed from `textRange`, which must lie on one line.
 */
export function parseImageReference(text: string, textRange: Range): ImageReference {
  const oneLine = textRange.start.line === textRange.end.line;
  const span = (from: number, to: number): TextSpan => ({
    value: text.slice(from, to),
    range: oneLine ? subRange(textRange, from, to) : textRange,
  });
  let rest = text.length;
  let digest: TextSpan | null = null;
  const at = text.indexOf('@');
  if (at !== -1) {
    digest = span(at + 1, text.length);
    rest = at;
  }
  const firstSlash = text.indexOf('/');
  let registry: TextSpan | null = null;
  let repositoryStart = 0;
  if (firstSlash !== -1 && firstSlash < rest) {
    const head = text.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = span(0, firstSlash);
      repositoryStart = firstSlash + 1;
    }
  }
  let tag: TextSpan | null = null;
  const lastSlash = text.lastIndexOf('/', rest - 1);
  const colon = text.indexOf(':', Math.max(lastSlash, repositoryStart));
  if (colon !== -1 && colon < rest) {
    tag = span(colon + 1, rest);
    rest = colon;
  }
  return {
    text,
    range: textRange,
    registry,
    repository: span(repositoryStart, rest),
    tag,
    digest,
    hasVariables: text.includes('$'),
  };
}

/** True when a `--from` value can only be an image (it has a tag, digest or path), not a stage name. */
export function looksLikeImage(text: string): boolean {
  return /[/:@]/.test(text);
}
