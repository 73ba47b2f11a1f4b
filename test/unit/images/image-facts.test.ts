import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { factsFromImageConfig, mergeFacts } from '../../../server/src/images/image-config';
import { builtInFacts, imageKey } from '../../../server/src/images/image-facts';
import { imageFactLines } from '../../../server/src/features/image-facts-text';
import { samePlatform } from '../../../server/src/words/platform';

describe('the built-in table', () => {
  const factsOf = (image: string) => builtInFacts(image)?.facts ?? null;

  it('matches names in every spelling, and tags by pattern', () => {
    assert.deepEqual(factsOf('gcr.io/distroless/static-debian12:nonroot'), { os: 'linux', user: '65532', kind: 'minimal', libc: 'none', shell: false });
    assert.equal(factsOf('gcr.io/distroless/static-debian12')?.user, 'root');
    assert.equal(factsOf('gcr.io/distroless/base-debian12:debug-nonroot')?.shell, true);
    assert.equal(factsOf('node:22-alpine')?.libc, 'musl');
    assert.equal(factsOf('docker.io/library/node:22-alpine')?.kind, 'runtime');
    assert.equal(factsOf('library/node:22')?.kind, 'sdk');
    assert.equal(factsOf('node')?.kind, 'sdk');
    assert.equal(factsOf('golang:1.23-nanoserver-ltsc2022')?.user, 'ContainerUser');
    assert.equal(factsOf('golang:1.23-windowsservercore')?.os, 'windows');
    assert.equal(factsOf('mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled')?.user, 'app');
    assert.ok(factsOf('mcr.microsoft.com/dotnet/aspnet:8.0')?.env?.includes('APP_UID'));
    assert.equal(factsOf('buildpack-deps:bookworm-scm')?.kind, 'os');
    assert.equal(factsOf('buildpack-deps:bookworm')?.kind, 'sdk');
    assert.equal(factsOf('bitnami/redis:7.2')?.user, '1001');
  });

  it('knows the C library of the variants of every official image, and nothing else of them', () => {
    assert.deepEqual(factsOf('docker.io/library/openresty:1.25-alpine'), { os: 'linux', libc: 'musl', shell: true });
    // An image's own entry comes first: erlang is an SDK whatever its variant.
    assert.equal(factsOf('erlang:27-slim')?.kind, 'sdk');
    assert.equal(factsOf('julia:1.11-bookworm')?.libc, 'glibc');
    assert.equal(factsOf('julia:1.11-bookworm')?.user, undefined);
    assert.equal(factsOf('julia:1.11'), null);
  });

  it('knows nothing of a project image, and says where a fact comes from', () => {
    assert.equal(builtInFacts('myorg/base:1'), null);
    assert.equal(builtInFacts('${BASE}'), null);
    assert.match(builtInFacts('alpine:3.20')?.source ?? '', /^built-in table \(https:\/\//);
  });

  it('keys images as registries name them', () => {
    assert.equal(imageKey('node:22'), 'docker.io/library/node:22');
    assert.equal(imageKey('docker.io/library/node'), 'docker.io/library/node:latest');
    assert.equal(imageKey('ghcr.io/o/app:1@sha256:abc'), 'ghcr.io/o/app:1@sha256:abc');
    assert.equal(imageKey('scratch'), null);
    assert.equal(imageKey('${BASE}'), null);
  });
});

describe('facts from an image config', () => {
  it('reads `docker image inspect` output', () => {
    const inspect = {
      Os: 'linux',
      Architecture: 'arm64',
      Variant: 'v8',
      Config: {
        User: '1000:1000',
        Env: ['PATH=/usr/local/bin:/usr/bin', 'APP_HOME=/srv/app'],
        WorkingDir: '/srv/app',
        Entrypoint: ['/entrypoint.sh'],
        Cmd: ['serve'],
        ExposedPorts: { '8080/tcp': {} },
        Healthcheck: { Test: ['CMD-SHELL', 'wget -q --spider http://localhost:8080/ || exit 1'] },
      },
    };
    assert.deepEqual(factsFromImageConfig(inspect), {
      os: 'linux',
      user: '1000:1000',
      env: ['PATH', 'APP_HOME'],
      envValues: { PATH: '/usr/local/bin:/usr/bin', APP_HOME: '/srv/app' },
      envComplete: true,
      workingDir: '/srv/app',
      entrypoint: ['/entrypoint.sh'],
      cmd: ['serve'],
      exposedPorts: ['8080/tcp'],
      healthcheck: true,
    });
  });

  it('reads an OCI config blob, with the platforms and size a registry adds', () => {
    const blob = { os: 'linux', architecture: 'amd64', config: { Env: ['PATH=/bin'], Healthcheck: { Test: ['NONE'] } } };
    const facts = factsFromImageConfig(blob, { platforms: ['linux/amd64', 'linux/arm64/v8'], compressedSize: 48_200_000 });
    assert.equal(facts.user, 'root');
    assert.equal(facts.healthcheck, false);
    assert.deepEqual(facts.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.equal(facts.compressedSize, 48_200_000);
    assert.equal(factsFromImageConfig({ os: 'windows', config: {} }).user, 'ContainerAdministrator');
    assert.deepEqual(factsFromImageConfig('junk'), {});
  });

  it("lets the image's own config win over the table, which fills in the rest, each with its source", () => {
    const learned = { facts: factsFromImageConfig({ Os: 'linux', Config: { User: 'nginx' } }), source: 'local engine (docker image inspect)' };
    const merged = mergeFacts(learned, builtInFacts('nginx:1.27'));
    assert.equal(merged.facts.user, 'nginx');
    assert.equal(merged.facts.libc, 'glibc');
    // The table's "its server leaves root" was about the image as published, not this one.
    assert.equal(merged.facts.dropsPrivileges, undefined);
    assert.equal(merged.sources?.user, 'local engine (docker image inspect)');
    assert.match(merged.sources?.libc ?? '', /^built-in table/);
    assert.deepEqual(
      imageFactLines(merged).map((line) => line.replace(/built-in table \(\[documentation\]\(https:[^)]*\).*\)\*$/, 'built-in table (…)*')),
      ['Linux, user `nginx`, no environment variables — *local engine (docker image inspect)*', 'a server image, glibc, has a shell, its command starts a server — *built-in table (…)*'],
    );
  });
});

describe('platforms', () => {
  it('compares as containerd normalizes them', () => {
    assert.ok(samePlatform('linux/arm64', 'linux/arm64/v8'));
    assert.ok(samePlatform('linux/amd64/v1', 'linux/amd64'));
    assert.ok(samePlatform('linux/arm', 'linux/arm/v7'));
    assert.ok(!samePlatform('linux/arm/v6', 'linux/arm/v7'));
    assert.ok(!samePlatform('linux/amd64', 'windows/amd64'));
  });
});
