import assert from '../support/assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { RULES } from '../../server/src/rules/index';
import { buildCheck, engineAvailable } from '../support/engine';

const FIXTURES = 'test/fixtures/buildkit';
/** Fixtures name the test registry 127.0.0.1:5000; the run has its own. */
const REGISTRY = process.env.REGISTRY || '127.0.0.1:5000';
const PUSHED = `${REGISTRY}/agreement/busybox:1`;

/** A fixture's text, naming the registry of this run. */
function fixture(file: string): string {
  return readFileSync(path.join(FIXTURES, file), 'utf8').replaceAll('127.0.0.1:5000/', `${REGISTRY}/`);
}
const mapped = new Map(RULES.filter((rule) => rule.buildkit).map((rule) => [rule.buildkit as string, rule.id]));

/** The fixture's `.dockerignore` (`<name>.dockerignore` beside it), or null. */
function dockerignoreOf(file: string): string | null {
  const ignore = path.join(FIXTURES, file.replace(/\.Dockerfile$/, '.dockerignore'));
  return existsSync(ignore) ? readFileSync(ignore, 'utf8') : null;
}

/** `Rule@line` for each finding of the BuildKit checks we map. */
function ours(text: string, dockerignore: string | null = null): string[] {
  const severities = Object.fromEntries(RULES.filter((rule) => !rule.buildkit).map((rule) => [rule.id, 'off' as const]));
  // BuildKit reads the base image's configuration; give ours the same facts of the fixtures' image.
  const imageFacts = (image: string) => {
    if (/^local\/busybox(:|$)/.test(image)) return { facts: { env: ['PATH'], envComplete: true }, source: 'local/busybox:1 (docker image inspect)' };
    // Pushed for one platform: the registry's manifest is that platform's, with no index.
    if (image === PUSHED) return { facts: { env: ['PATH'], envComplete: true, platforms: ['linux/amd64'] }, source: `${PUSHED} (registry)` };
    return null;
  };
  return lint(buildModel(text), { severities, buildContext: { dockerignore, entries: [] }, imageFacts })
    .problems.map((problem) => `${RULES.find((r) => r.id === problem.ruleId)?.buildkit}@${problem.range.start.line + 1}`)
    .sort();
}

describe('agreement with BuildKit build checks on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  before(() => {
    if (!process.env.REGISTRY) return;
    execFileSync('docker', ['tag', 'local/busybox:1', PUSHED]);
    execFileSync('docker', ['push', '-q', PUSHED]);
  });
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.Dockerfile')).sort()) {
    it(`reports the same lines as docker build --check for ${file}`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-check-'));
      try {
        writeFileSync(path.join(folder, 'Dockerfile'), fixture(file));
        const dockerignore = dockerignoreOf(file);
        if (dockerignore !== null) writeFileSync(path.join(folder, '.dockerignore'), dockerignore);
        const theirs = buildCheck(folder)
          .filter((warning) => mapped.has(warning.ruleName))
          .map((warning) => `${warning.ruleName}@${warning.line}`)
          .sort();
        assert.deepEqual(ours(fixture(file), dockerignore), theirs);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  it('has fixtures that make BuildKit fire every check we map', () => {
    const fired = new Set<string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.Dockerfile'))) {
      for (const finding of ours(fixture(file), dockerignoreOf(file))) fired.add(finding.split('@')[0] as string);
    }
    assert.deepEqual([...fired].sort(), [...mapped.keys()].sort());
  });
});
