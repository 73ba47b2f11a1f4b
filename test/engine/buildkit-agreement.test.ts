import assert from '../support/assert';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { RULES } from '../../server/src/rules/index';
import { buildCheck, engineAvailable } from '../support/engine';

const FIXTURES = 'test/fixtures/buildkit';
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
  const imageFacts = (image: string) => (/^local\/busybox(:|$)/.test(image) ? { facts: { env: ['PATH'], envComplete: true }, source: 'local/busybox:1 (docker image inspect)' } : null);
  return lint(buildModel(text), { severities, buildContext: { dockerignore, entries: [] }, imageFacts })
    .problems.map((problem) => `${RULES.find((r) => r.id === problem.ruleId)?.buildkit}@${problem.range.start.line + 1}`)
    .sort();
}

describe('agreement with BuildKit build checks on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.Dockerfile')).sort()) {
    it(`reports the same lines as docker build --check for ${file}`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-check-'));
      try {
        copyFileSync(path.join(FIXTURES, file), path.join(folder, 'Dockerfile'));
        const dockerignore = dockerignoreOf(file);
        if (dockerignore !== null) writeFileSync(path.join(folder, '.dockerignore'), dockerignore);
        const theirs = buildCheck(folder)
          .filter((warning) => mapped.has(warning.ruleName))
          .map((warning) => `${warning.ruleName}@${warning.line}`)
          .sort();
        assert.deepEqual(ours(readFileSync(path.join(FIXTURES, file), 'utf8'), dockerignore), theirs);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  it('has fixtures that make BuildKit fire every check we map', () => {
    const fired = new Set<string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.Dockerfile'))) {
      for (const finding of ours(readFileSync(path.join(FIXTURES, file), 'utf8'), dockerignoreOf(file))) fired.add(finding.split('@')[0] as string);
    }
    assert.deepEqual([...fired].sort(), [...mapped.keys()].sort());
  });
});
