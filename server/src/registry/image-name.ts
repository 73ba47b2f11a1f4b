/** An image reference as the distribution API needs it. */
export interface RegistryImage {
  /** Host (and port) to speak to, e.g. `registry-1.docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  readonly host: string;
  /** Repository path on that host, e.g. `library/node`. */
  readonly repository: string;
  readonly tag: string | null;
  readonly digest: string | null;
  /** The name as the user writes it, without tag or digest (`node`, `ghcr.io/o/app`). */
  readonly name: string;
}

/**
 * Reads an image reference with Docker's defaults: no registry means Docker Hub
 * (`registry-1.docker.io`), and a one-part Hub name lives under `library/`. Returns null for
 * references that cannot be looked up as written (variables, `scratch`, empty).
 */
export function toRegistryImage(reference: string): RegistryImage | null {
  if (reference === '' || reference.includes('$') || reference.toLowerCase() === 'scratch') return null;
  let rest = reference;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (!hasRegistry) {
    const repository = rest.includes('/') ? rest : `library/${rest}`;
    return { host: 'registry-1.docker.io', repository, tag, digest, name: rest };
  }
  const host = first === 'docker.io' || first === 'index.docker.io' ? 'registry-1.docker.io' : first;
  let repository = rest.slice(slash + 1);
  if (host === 'registry-1.docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { host, repository, tag, digest, name: rest };
}
