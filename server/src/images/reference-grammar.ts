/**
 * The grammar of an image reference, as `reference.ParseNormalizedNamed` accepts it (the
 * distribution/reference package BuildKit uses): an optional domain, lower-case path components,
 * an optional tag and digest.
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAMED = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const MAX_NAME = 255;

/** True when Docker accepts the text as an image name (`alpine`, `ghcr.io/acme/app:1.2@sha256:…`). */
export function isValidReference(text: string): boolean {
  if (text === '') return false;
  // The first part is a domain only with a dot, a port or `localhost`; otherwise it is a path (lower-case).
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const match = NAMED.exec(text);
  if (!match) return false;
  const name = hasDomain ? `${match[1]}/${match[2]}` : (match[1] ? `${match[1]}/${match[2]}` : (match[2] ?? ''));
  return name.length <= MAX_NAME;
}
