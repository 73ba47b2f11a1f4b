import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { buildArgv, buildFileArgv, DEFAULT_BUILD_SETTINGS, imageTag, runArgv } from '../../../client/src/build/build-args';

const request = { dockerfile: '/work/My App/docker/api.Dockerfile', contextFolder: '/work/My App', target: 'build' };

describe('the argv of a stage build', () => {
  it('is docker build --target <stage> -f <file> -t <folder>:<stage> <context>, paths with spaces kept whole', () => {
    assert.deepEqual(buildArgv(DEFAULT_BUILD_SETTINGS, request), {
      command: 'docker',
      args: ['build', '--target', 'build', '-f', '/work/My App/docker/api.Dockerfile', '-t', 'my-app:build', '/work/My App'],
    });
  });

  it('builds the last stage without --target when it has no name', () => {
    assert.deepEqual(buildArgv(DEFAULT_BUILD_SETTINGS, { ...request, target: null }).args, ['build', '-f', '/work/My App/docker/api.Dockerfile', '-t', 'my-app:latest', '/work/My App']);
  });

  it('uses buildx with a builder (and --load), a docker context, a platform, build args and extra args', () => {
    const settings = {
      ...DEFAULT_BUILD_SETTINGS,
      useBuildx: true,
      builder: 'remote-k8s',
      dockerContext: 'prod',
      platform: 'linux/arm64',
      buildArgs: { VERSION: '1.2.3', EQUATION: 'a=b=c', QUOTED: '"x y"' },
      extraArgs: ['--pull', '--secret', 'id=npmrc,src=/home/me/.npmrc'],
    };
    assert.deepEqual(buildArgv(settings, request).args, [
      '--context', 'prod',
      'buildx', 'build', '--builder', 'remote-k8s', '--load',
      '--target', 'build',
      '-f', '/work/My App/docker/api.Dockerfile',
      '-t', 'my-app:build',
      '--platform', 'linux/arm64',
      '--build-arg', 'VERSION=1.2.3',
      '--build-arg', 'EQUATION=a=b=c',
      '--build-arg', 'QUOTED="x y"',
      '--pull', '--secret', 'id=npmrc,src=/home/me/.npmrc',
      '/work/My App',
    ]);
  });

  it('speaks podman without docker-only flags', () => {
    const settings = { ...DEFAULT_BUILD_SETTINGS, command: '/usr/bin/podman', useBuildx: true, dockerContext: 'x' };
    assert.deepEqual(buildArgv(settings, request), {
      command: '/usr/bin/podman',
      args: ['build', '--target', 'build', '-f', '/work/My App/docker/api.Dockerfile', '-t', 'my-app:build', '/work/My App'],
    });
  });

  it('never joins anything into a shell string: each value is one argument, whatever it holds', () => {
    const hostile = { ...request, contextFolder: '/tmp/a; rm -rf ~', target: 'x && echo pwned' };
    const { args } = buildArgv({ ...DEFAULT_BUILD_SETTINGS, buildArgs: { A: '$(reboot)' } }, hostile);
    assert.ok(args.includes('x && echo pwned'));
    assert.ok(args.includes('/tmp/a; rm -rf ~'));
    assert.ok(args.includes('A=$(reboot)'));
  });

  it('makes valid tags from any folder and stage name, following the template', () => {
    assert.equal(imageTag(DEFAULT_BUILD_SETTINGS, { ...request, contextFolder: '/x/__My Service!', target: 'Build.Stage' }), 'my-service:build.stage');
    assert.equal(imageTag({ ...DEFAULT_BUILD_SETTINGS, tagTemplate: 'registry.local/${folder}-${file}:${stage}' }, request), 'registry.local/my-app-api.dockerfile:build');
    assert.deepEqual(runArgv({ ...DEFAULT_BUILD_SETTINGS, dockerContext: 'prod' }, request), { command: 'docker', args: ['--context', 'prod', 'run', '--rm', '-it', 'my-app:build'] });
    assert.deepEqual(runArgv({ ...DEFAULT_BUILD_SETTINGS, runArgs: ['-p', '8080:8080', '-e', 'A=$(rm -rf /)'] }, request), {
      command: 'docker',
      args: ['run', '--rm', '-it', '-p', '8080:8080', '-e', 'A=$(rm -rf /)', 'my-app:build'],
    });
  });

  it('publishes the ports the image exposes, unless the run arguments say how', () => {
    assert.deepEqual(runArgv(DEFAULT_BUILD_SETTINGS, request, ['8080', '53/udp', '9000-9002']).args, ['run', '--rm', '-it', '-p', '8080:8080', '-p', '53:53/udp', '-p', '9000-9002:9000-9002', 'my-app:build']);
    for (const runArgs of [['-p', '80:8080'], ['-p8081:8080'], ['--publish=1:2'], ['-P'], ['--network=host'], ['--net', 'host']]) {
      assert.deepEqual(runArgv({ ...DEFAULT_BUILD_SETTINGS, runArgs }, request, ['8080']).args, ['run', '--rm', '-it', ...runArgs, 'my-app:build']);
    }
    assert.deepEqual(runArgv({ ...DEFAULT_BUILD_SETTINGS, runArgs: ['--network', 'bridge'] }, request, ['8080']).args, ['run', '--rm', '-it', '-p', '8080:8080', '--network', 'bridge', 'my-app:build']);
  });
});

describe('the argv of a compose or Bake build lens', () => {
  const compose = { kind: 'compose-service' as const, name: 'api', file: '/work/app/compose.yaml', defaultFile: true, baseFile: null };
  const settings = { ...DEFAULT_BUILD_SETTINGS, builder: 'ci', dockerContext: 'prod', platform: 'linux/arm64', buildArgs: { VERSION: '1.2' }, extraArgs: ['--pull'] };

  it('builds a service of a default compose file as typed in its folder (its override applies too)', () => {
    assert.deepEqual(buildFileArgv(DEFAULT_BUILD_SETTINGS, compose), { command: 'docker', args: ['compose', 'build', 'api'] });
    assert.deepEqual(buildFileArgv(settings, compose).args, ['--context', 'prod', 'compose', 'build', '--builder', 'ci', '--build-arg', 'VERSION=1.2', 'api']);
  });

  it('names an override file after its base file, and any other file alone', () => {
    const prod = { ...compose, file: '/work/app/compose.prod.yaml', defaultFile: false, baseFile: '/work/app/compose.yaml' };
    assert.deepEqual(buildFileArgv(DEFAULT_BUILD_SETTINGS, prod).args, ['compose', '-f', '/work/app/compose.yaml', '-f', '/work/app/compose.prod.yaml', 'build', 'api']);
    assert.deepEqual(buildFileArgv(DEFAULT_BUILD_SETTINGS, { ...prod, baseFile: null }).args, ['compose', '-f', '/work/app/compose.prod.yaml', 'build', 'api']);
  });

  it('bakes a target with the builder, platform and build arguments set on it; extra docker build options stay out', () => {
    const bake = { kind: 'bake-target' as const, name: 'app', file: '/work/app/docker-bake.ci.hcl', defaultFile: false, baseFile: null };
    assert.deepEqual(buildFileArgv(settings, bake).args, ['--context', 'prod', 'buildx', 'bake', '-f', '/work/app/docker-bake.ci.hcl', '--builder', 'ci', '--set', 'app.platform=linux/arm64', '--set', 'app.args.VERSION=1.2', 'app']);
    assert.deepEqual(buildFileArgv(DEFAULT_BUILD_SETTINGS, { ...bake, defaultFile: true }).args, ['buildx', 'bake', 'app']);
  });
});
