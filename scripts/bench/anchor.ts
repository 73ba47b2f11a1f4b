import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export const ANCHOR_PACKAGE = 'dockerfile-language-server-nodejs';
export const ANCHOR_VERSION = '0.15.0';

/**
 * The command line of the reference server, installed from npm into a cache folder outside the
 * project on first use. Null, with the reason logged, when it cannot be installed.
 */
export function anchorArgv(log: (line: string) => void): string[] | null {
  const folder = process.env.DFS_BENCH_ANCHOR_DIR || path.join(homedir(), '.cache', 'dockerfile-stages', `anchor-${ANCHOR_VERSION}`);
  const bin = path.join(folder, 'node_modules', ANCHOR_PACKAGE, 'bin', 'docker-langserver');
  if (!existsSync(bin)) {
    log(`Installing ${ANCHOR_PACKAGE}@${ANCHOR_VERSION} into ${folder} …`);
    mkdirSync(folder, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', folder, `${ANCHOR_PACKAGE}@${ANCHOR_VERSION}`], {
      stdio: 'inherit',
    });
    if (install.status !== 0 || !existsSync(bin)) {
      log(`Could not install ${ANCHOR_PACKAGE}@${ANCHOR_VERSION} (npm exited with ${install.status}); measuring our server only.`);
      return null;
    }
  }
  return [process.execPath, bin, '--stdio'];
}
