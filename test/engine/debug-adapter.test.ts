import assert from '../support/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_BUILD_SETTINGS } from '../../client/src/build/build-args';
import { debugAdapterArgv, DEBUG_TYPE } from '../../client/src/debug/debug-launch';
import { DapClient } from '../support/dap-client';
import { engineAvailable } from '../support/engine';

describe('debugging a stage through docker buildx dap build, on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  let folder: string;
  const unique = Date.now().toString(36);
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-dap-'));
    writeFileSync(path.join(folder, 'Dockerfile'), `FROM local/busybox:1 AS build\nRUN echo ${unique} > /built.txt\nRUN cat /built.txt\n\nFROM local/busybox:1 AS runtime\nCOPY --from=build /built.txt /built.txt\n`);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('stops at a breakpoint on a RUN line, reads the stack and variables, and continues to a successful end', async () => {
    const dockerfile = path.join(folder, 'Dockerfile');
    const config = { type: DEBUG_TYPE, request: 'launch', name: 'Debug stage build', dockerfile, target: 'build', contextPath: folder } as const;
    const argv = debugAdapterArgv({ ...DEFAULT_BUILD_SETTINGS, extraArgs: ['--network=none'] }, config, folder);
    assert.ok(argv);
    assert.deepEqual(argv.args, ['buildx', 'dap', 'build', '--network=none', folder]);
    const child = spawn(argv.command, argv.args, { cwd: folder, env: { ...process.env, ...argv.env }, stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const dap = new DapClient(child);
    try {
      const initialized = await dap.request('initialize', { adapterID: DEBUG_TYPE, linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
      assert.equal(initialized.success, true, initialized.message);
      // VS Code sends the configuration as the launch arguments: buildx reads dockerfile, contextPath, target.
      const launched = dap.request('launch', config);
      await dap.event('initialized');
      const breakpoints = await dap.request('setBreakpoints', { source: { path: dockerfile, name: 'Dockerfile' }, breakpoints: [{ line: 3 }] });
      assert.equal(breakpoints.success, true, breakpoints.message);
      await dap.request('configurationDone');
      assert.equal((await launched).success, true);
      const stopped = await dap.event('stopped');
      assert.equal(stopped.body?.reason, 'breakpoint');
      const threadId = stopped.body?.threadId as number;
      const stack = await dap.request('stackTrace', { threadId });
      const frames = (stack.body?.stackFrames ?? []) as { id: number; line: number; name: string; source?: { path?: string } }[];
      assert.equal(frames[0]?.line, 3);
      assert.match(frames[0]?.name ?? '', /^\[build .*\] RUN cat \/built\.txt/);
      assert.equal(frames[0]?.source?.path, dockerfile);
      const scopes = await dap.request('scopes', { frameId: frames[0]?.id });
      const scope = ((scopes.body?.scopes ?? []) as { variablesReference: number; name: string }[])[0];
      assert.ok(scope, 'a scope with the step\'s variables');
      const variables = await dap.request('variables', { variablesReference: scope.variablesReference });
      assert.ok(((variables.body?.variables ?? []) as unknown[]).length > 0, 'the step reports variables');
      await dap.request('continue', { threadId });
      const terminated = await dap.event('terminated');
      assert.ok(terminated);
      const exitedEvent = dap.events.find((e) => e.event === 'exited');
      if (exitedEvent) assert.equal(exitedEvent.body?.exitCode, 0);
      // The adapter ends with the build; a client that says goodbye first is answered too.
      const code = await Promise.race([exited, dap.request('disconnect', {}).then(() => exited)]);
      assert.equal(code, 0);
    } finally {
      child.kill();
    }
  });
});
