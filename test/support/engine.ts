import { execFileSync, spawnSync } from 'node:child_process';

/** True when the tests were given a running Docker engine (see scripts/test-engine.mjs). */
export function engineAvailable(): boolean {
  return Boolean(process.env.DOCKER_HOST) && spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

export interface BuildCheckWarning {
  readonly ruleName: string;
  readonly detail: string;
  readonly line: number;
}

/**
 * Runs BuildKit's build checks (`docker buildx build --call=check,format=json`) on a folder.
 * Offline, BuildKit still resolves every base image, so each missing one is tagged from the local
 * busybox image and the check is run again.
 */
export function buildCheck(folder: string, dockerfile = 'Dockerfile'): BuildCheckWarning[] {
  let lastError = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const run = spawnSync('docker', ['buildx', 'build', '--call=check,format=json', '-f', `${folder}/${dockerfile}`, folder], {
      encoding: 'utf8',
    });
    const missing = /failed to resolve source metadata for (?:docker\.io\/)?([^:\s]+(?::[^\s:]+)?):/.exec(run.stderr) ??
      /pull access denied for ([^,\s]+)/.exec(run.stderr);
    lastError = run.stderr.slice(-1000);
    if (missing) {
      const name = (missing[1] as string).replace(/^library\//, '');
      execFileSync('docker', ['tag', 'local/busybox:1', name]);
      continue;
    }
    if (run.status !== 0 && run.status !== 1) throw new Error(`build check failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const report = JSON.parse(run.stdout) as { warnings: { ruleName: string; detail: string; location?: { ranges?: { start: { line: number } }[] } }[] | null };
    return (report.warnings ?? []).map((w) => ({ ruleName: w.ruleName, detail: w.detail, line: w.location?.ranges?.[0]?.start.line ?? 0 }));
  }
  throw new Error(`could not make the base images of ${folder} available: ${lastError}`);
}
