import type { RegistryImage } from './image-name';

/** The manifest types we accept, in the order a registry should prefer them. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const MAX_TAG_PAGES = 50;

export class RegistryError extends Error {}

export interface RegistryClientOptions {
  readonly timeoutMs: number;
  /** Hosts (`host` or `host:port`) that speak plain HTTP; every other host is HTTPS. */
  readonly plainHttpHosts: readonly string[];
  readonly fetch?: typeof fetch;
}

/**
 * A client for the OCI distribution API, anonymous: it follows a registry's bearer-token
 * challenge, pages through tag lists and reads manifest digests. Every call has a timeout, and
 * every failure is a RegistryError with a message for the user.
 */
export class RegistryClient {
  private readonly tokens = new Map<string, string>();
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RegistryClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async listTags(image: RegistryImage): Promise<string[]> {
    const tags: string[] = [];
    let path: string | null = `/v2/${image.repository}/tags/list?n=1000`;
    for (let page = 0; path && page < MAX_TAG_PAGES; page++) {
      const response = await this.request(image, path, 'GET', {});
      const body = (await response.json().catch(() => null)) as { tags?: unknown } | null;
      if (!body || (body.tags !== null && body.tags !== undefined && !Array.isArray(body.tags))) {
        throw new RegistryError(`${image.host} sent a tag list that is not JSON.`);
      }
      for (const tag of (body.tags as unknown[] | null) ?? []) if (typeof tag === 'string') tags.push(tag);
      path = nextPage(response.headers.get('link'));
    }
    return tags;
  }

  /** The `Docker-Content-Digest` of a tag, from a HEAD of its manifest. */
  async digestOf(image: RegistryImage, reference: string): Promise<string> {
    const response = await this.request(image, `/v2/${image.repository}/manifests/${reference}`, 'HEAD', { Accept: MANIFEST_ACCEPT });
    const digest = response.headers.get('docker-content-digest');
    if (!digest) throw new RegistryError(`${image.host} did not say the digest of ${image.name}:${reference}.`);
    return digest;
  }

  /** A manifest or an index, parsed, with its media type and digest. */
  async manifest(image: RegistryImage, reference: string): Promise<{ mediaType: string; digest: string | null; body: Record<string, unknown> }> {
    const response = await this.request(image, `/v2/${image.repository}/manifests/${reference}`, 'GET', { Accept: MANIFEST_ACCEPT });
    const body = await jsonBody(response, `${image.host} sent a manifest of ${image.name}:${reference} that is not JSON.`);
    const mediaType = (typeof body.mediaType === 'string' ? body.mediaType : null) ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    return { mediaType, digest: response.headers.get('docker-content-digest'), body };
  }

  /** A JSON blob (an image config), by digest. */
  async jsonBlob(image: RegistryImage, digest: string): Promise<Record<string, unknown>> {
    const response = await this.request(image, `/v2/${image.repository}/blobs/${digest}`, 'GET', {});
    return jsonBody(response, `${image.host} sent an image config of ${image.name} that is not JSON.`);
  }

  private baseUrl(host: string): string {
    const bare = host.replace(/:\d+$/, '');
    const plain = this.options.plainHttpHosts.some((allowed) => allowed === host || allowed === bare);
    return `${plain ? 'http' : 'https'}://${host}`;
  }

  private async request(image: RegistryImage, path: string, method: 'GET' | 'HEAD', headers: Record<string, string>): Promise<Response> {
    const key = `${image.host}/${image.repository}`;
    const url = path.startsWith('http') ? path : `${this.baseUrl(image.host)}${path}`;
    const send = (token: string | undefined) =>
      this.fetchWithTimeout(url, { method, headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers }, image.host);
    let response = await send(this.tokens.get(key));
    if (response.status === 401) {
      const token = await this.token(image, response.headers.get('www-authenticate'));
      this.tokens.set(key, token);
      response = await send(token);
    }
    if (response.ok) return response;
    if (response.status === 404) throw new RegistryError(`${image.name}${path.includes('/manifests/') ? `:${path.split('/').pop()}` : ''} was not found on ${image.host}.`);
    if (response.status === 401 || response.status === 403) throw new RegistryError(`${image.host} refused anonymous access to ${image.name} (${response.status}); it needs credentials.`);
    throw new RegistryError(`${image.host} answered ${response.status} ${response.statusText} for ${image.name}.`);
  }

  /** The anonymous bearer-token flow: ask the realm of the challenge for a pull token. */
  private async token(image: RegistryImage, challenge: string | null): Promise<string> {
    const params = parseChallenge(challenge);
    if (!params || !params.realm) throw new RegistryError(`${image.host} asks for credentials (${challenge ?? 'no challenge'}); only anonymous pulls are supported.`);
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${image.repository}:pull`);
    const response = await this.fetchWithTimeout(url.href, { method: 'GET' }, url.host);
    if (!response.ok) throw new RegistryError(`The token service of ${image.host} answered ${response.status}; it may need credentials.`);
    const body = (await response.json().catch(() => null)) as { token?: string; access_token?: string } | null;
    const token = body?.token ?? body?.access_token;
    if (!token) throw new RegistryError(`The token service of ${image.host} sent no token.`);
    return token;
  }

  private async fetchWithTimeout(url: string, init: RequestInit, host: string): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new RegistryError(`${host} did not answer within ${this.options.timeoutMs} ms.`);
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new RegistryError(`Could not reach ${host}: ${cause}.`);
    }
  }
}

/** Image configs and manifests are small; anything larger is not what was asked for. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

async function jsonBody(response: Response, complaint: string): Promise<Record<string, unknown>> {
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_JSON_BYTES) throw new RegistryError(complaint);
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new RegistryError(complaint);
}

/** Parses `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string | null): Record<string, string> | null {
  if (!header || !/^bearer\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params[(match[1] as string).toLowerCase()] = match[2] as string;
  return params;
}

/** The next page of a tag list, from its `Link: </v2/…>; rel="next"` header. */
export function nextPage(link: string | null): string | null {
  const match = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link) : null;
  return match ? (match[1] as string) : null;
}
