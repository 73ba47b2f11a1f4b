// The mocha entry point the extension host loads (extensionTestsPath), bundled to out/e2e/index.js;
// the test files are bundled beside it and added by name, so mocha defines describe/it first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  // Trusted and untrusted workspaces are two code-server sessions, each with its own file.
  const suites: Record<string, string[]> = {
    untrusted: ['untrusted.test.js'],
    engine: ['build-results.test.js'],
  };
  const suite = suites[process.env.DFS_E2E_SUITE ?? ''] ?? ['extension.test.js', 'editing.test.js', 'roles.test.js', 'build-files.test.js'];
  for (const name of suite) {
    const file = path.join(__dirname, name);
    if (!fs.existsSync(file)) return Promise.reject(new Error(`missing ${file}`));
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
