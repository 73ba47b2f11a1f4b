import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ProjectConfigStore } from '../../../server/src/lsp/project-config';

const connection = { window: { showWarningMessage: () => undefined } } as unknown as Connection;
const turn = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the build context of a document', () => {
  it('is read again after a few seconds off the lint, the document linted again only when it changed', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-context-'));
    try {
      writeFileSync(path.join(folder, 'Dockerfile'), 'FROM alpine\n');
      writeFileSync(path.join(folder, 'app.py'), '');
      let now = 0;
      const store = new ProjectConfigStore(connection, () => now);
      const changed: string[] = [];
      store.onContextChange((uri) => changed.push(uri));
      const uri = pathToFileURL(path.join(folder, 'Dockerfile')).href;
      const context = { folder, assumed: false };
      const first = store.buildContext(uri, context);
      assert.deepEqual(first?.entries, ['Dockerfile', 'app.py']);

      // Older than a few seconds but unchanged: the same object, no second lint.
      now = 6_000;
      assert.equal(store.buildContext(uri, context), first);
      await turn();
      assert.equal(store.buildContext(uri, context), first);
      assert.deepEqual(changed, []);

      // A file dropped in the folder: the lint that finds the context old still gets the old one;
      // the new one is read after it, and the document is linted again.
      writeFileSync(path.join(folder, '.env'), 'TOKEN=x\n');
      now = 12_000;
      assert.equal(store.buildContext(uri, context), first);
      await turn();
      assert.deepEqual(changed, [uri]);
      assert.deepEqual(store.buildContext(uri, context)?.entries, ['.env', 'Dockerfile', 'app.py']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
