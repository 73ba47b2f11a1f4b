import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A registry served from memory. `team/app` is a two-platform index (linux/amd64 runs as 1000,
 * linux/arm64/v8 as 1001, both with a HEALTHCHECK) and an attestation manifest, tagged `1`, `1.4`,
 * `1.4.2` and `latest`; `team/next` has `latest` (that index) and a newer release `2.0` (another).
 */
export function fakeRegistry(): { server: Server; requests: string[] } {
  const blobs = new Map<string, { type: string; body: string }>();
  const add = (type: string, value: unknown): { digest: string; size: number } => {
    const body = JSON.stringify(value);
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    blobs.set(digest, { type, body });
    return { digest, size: body.length };
  };
  const manifestFor = (arch: string, user: string) => {
    const config = add('application/vnd.oci.image.config.v1+json', { os: 'linux', architecture: arch, config: { User: user, Env: ['PATH=/bin', 'APP_HOME=/srv'], Healthcheck: { Test: ['CMD', '/probe'] } } });
    return add('application/vnd.oci.image.manifest.v1+json', {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ digest: 'sha256:00', size: 30_000_000 }, { digest: 'sha256:01', size: 2_500_000 }],
    });
  };
  const amd64 = manifestFor('amd64', '1000');
  const arm64 = manifestFor('arm64', '1001');
  const index = add('application/vnd.oci.image.index.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...amd64, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...arm64, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...amd64, platform: { os: 'unknown', architecture: 'unknown' } },
    ],
  });
  const tags: Record<string, Record<string, string>> = {
    'team/app': { '1': index.digest, '1.4': index.digest, '1.4.2': index.digest, latest: index.digest },
    'team/next': { latest: index.digest, '2.0': amd64.digest },
  };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const listed = /^\/v2\/(team\/\w+)\/tags\/list(\?.*)?$/.exec(req.url ?? '');
    const tagsOf = listed ? tags[listed[1] as string] : undefined;
    if (tagsOf) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tags: Object.keys(tagsOf) }));
    const match = /^\/v2\/(team\/\w+)\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
    const reference = match ? (tags[match[1] as string]?.[match[3] as string] ?? match[3]) : undefined;
    const blob = reference ? blobs.get(reference) : undefined;
    if (!blob) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': blob.type, 'docker-content-digest': reference ?? '' }).end(blob.body);
  });
  return { server, requests };
}

