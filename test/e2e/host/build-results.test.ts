import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DockerfileStagesApi } from '../../../client/src/extension';
import { EXTENSION_ID, open, waitFor, workspaceFile } from './helpers';

/** Builds a stage the way the lens does and waits for its task to end; its exit code. */
async function build(uri: vscode.Uri, target: string): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    const end = vscode.tasks.onDidEndTask(() => {
      end.dispose();
      resolve();
    });
  });
  await vscode.commands.executeCommand('dockerfileStages.buildStage', uri, target);
  return ended;
}

/**
 * The results as `[line (1-based), keyword, cached, cache broken?]`. FROM of the shared base image
 * is left out: whether the engine has it cached depends on the builds before.
 */
function summary(api: DockerfileStagesApi, uri: vscode.Uri) {
  return api.buildResults(uri)?.results.filter((r) => r.keyword !== 'FROM').map((r) => [r.line + 1, r.keyword, r.cached, r.cacheBroken ?? null]) ?? null;
}

describe('build results on the lines, on a real engine', () => {
  const api = (): DockerfileStagesApi => {
    const exports = vscode.extensions.getExtension<DockerfileStagesApi>(EXTENSION_ID)?.exports;
    assert.ok(exports);
    return exports;
  };

  it('first build: every step built; after a source change: cached up to the changed COPY, marked there; sizes for the Stages view', async () => {
    const editor = await open('Dockerfile');
    const uri = editor.document.uri;
    await build(uri, 'runtime');
    const first = await waitFor('the first build results', () => (api().buildResults(uri)?.results.length ? summary(api(), uri) : undefined), 120_000);
    assert.deepEqual(first, [
      [2, 'RUN', false, null],
      [5, 'WORKDIR', false, null],
      [6, 'COPY', false, null],
      [7, 'RUN', false, null],
      [10, 'COPY', false, null],
    ]);
    assert.ok(api().buildResults(uri)?.results.every((r) => r.seconds !== null && r.error === null));

    await vscode.workspace.fs.writeFile(workspaceFile('src.txt'), new TextEncoder().encode('two\n'));
    await build(uri, 'runtime');
    const second = await waitFor('the second build results', () => {
      const now = summary(api(), uri);
      return now && now.some((r) => r[2] === true) ? now : undefined;
    }, 120_000);
    assert.deepEqual(second, [
      [2, 'RUN', true, null],
      [5, 'WORKDIR', true, null],
      [6, 'COPY', false, 'cache broken here: the files it copies changed'],
      [7, 'RUN', false, null],
      [10, 'COPY', false, 'cache broken here: the stage it copies from changed'],
    ]);
    // The layer the final COPY added, from the image's history: out.txt, `two` and the build line.
    const token = /echo (build-\w+)/.exec(editor.document.lineAt(6).text)?.[1] ?? '';
    assert.equal(api().buildResults(uri)?.results.find((r) => r.line === 9)?.layerBytes, 'two\n'.length + `${token}\n`.length);
    // The Stages view's sizes: the target's image, then the stages weighed from the cache.
    const weighed = await waitFor('the stages weighed', () => {
      const stages = api().buildResults(uri)?.stages ?? [];
      return stages.length === 3 && stages.every((s) => s.imageBytes !== null) ? stages : undefined;
    }, 120_000);
    const bytes = Object.fromEntries(weighed.map((s) => [s.stage, s.imageBytes ?? 0]));
    assert.ok((bytes[0] ?? 0) > (bytes[2] ?? 0) + 1_000_000, `deps (${bytes[0]}) weighs its 1 MB file more than runtime (${bytes[2]})`);
  });

  it('a failed build shows its steps up to the one that failed, marked there', async () => {
    const uri = workspaceFile('failing.Dockerfile');
    await open('failing.Dockerfile');
    await build(uri, 'broken');
    const failed = await waitFor('the failed build results', () => (api().buildResults(uri)?.code ? (api().buildResults(uri) ?? undefined) : undefined), 120_000);
    assert.deepEqual(
      failed.results.filter((r) => r.keyword !== 'FROM').map((r) => [r.line + 1, r.keyword, r.error !== null]),
      [[2, 'RUN', true]],
    );
  });

  it('a build stopped by the user leaves no results on the lines', async () => {
    const uri = workspaceFile('slow.Dockerfile');
    await open('slow.Dockerfile');
    const started = new Promise<vscode.TaskExecution>((resolve) => {
      const start = vscode.tasks.onDidStartTask((event) => {
        start.dispose();
        resolve(event.execution);
      });
    });
    const ended = new Promise<void>((resolve) => {
      const end = vscode.tasks.onDidEndTask(() => {
        end.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('dockerfileStages.buildStage', uri, 'slow');
    const execution = await started;
    // Give the engine time to start the RUN, then stop the task as its stop button does.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    execution.terminate();
    await ended;
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(api().buildResults(uri), null);
  });

  it('an engine that is not there leaves no results on the lines', async () => {
    const uri = workspaceFile('Dockerfile');
    assert.ok(api().buildResults(uri));
    await vscode.workspace.getConfiguration('dockerfileStages.build', uri).update('command', 'no-such-docker', vscode.ConfigurationTarget.Workspace);
    try {
      void vscode.commands.executeCommand('dockerfileStages.buildStage', uri, 'runtime');
      await waitFor('the results gone', () => (api().buildResults(uri) === null ? true : undefined), 30_000);
    } finally {
      await vscode.workspace.getConfiguration('dockerfileStages.build', uri).update('command', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
