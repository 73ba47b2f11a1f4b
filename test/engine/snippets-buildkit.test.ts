import assert from '../support/assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildCheck, engineAvailable } from '../support/engine';
import { expandSnippet } from '../support/snippets';

const templates = Object.entries(JSON.parse(readFileSync('snippets/templates.json', 'utf8')) as Record<string, { body: string[] }>);

/**
 * Variables the real base images set in their config. Offline, the check runs against a local
 * stand-in image that does not set them, so BuildKit would call them undefined.
 */
const SET_BY_REAL_BASE_IMAGE = new Set(['APP_UID']);

describe('the multi-stage templates under BuildKit’s own build checks', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  for (const [name, snippet] of templates) {
    it(`${name}: no warning from docker build --check`, () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-template-'));
      try {
        // The syntax directive would fetch the frontend image; the built-in frontend runs the same checks.
        const text = expandSnippet(snippet.body).replace(/^# syntax=.*\n/, '');
        writeFileSync(path.join(folder, 'Dockerfile'), text);
        const warnings = buildCheck(folder)
          .filter((warning) => !(warning.ruleName === 'UndefinedVar' && [...SET_BY_REAL_BASE_IMAGE].some((variable) => warning.detail.includes(`'$${variable}'`))))
          .map((warning) => `${warning.ruleName}@${warning.line}: ${warning.detail}`);
        assert.deepEqual(warnings, [], text);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
