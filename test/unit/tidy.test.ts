import assert from '../support/assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

const CORE = ['server/src/support', 'server/src/model', 'server/src/images', 'server/src/workspace', 'server/src/words', 'server/src/shell', 'server/src/rules', 'server/src/engine', 'server/src/features'];
/** The core may use these packages only: no protocol connection, no editor, no file system, no network. */
const CORE_PACKAGES = new Set(['dockerfile-ast', 'vscode-languageserver-types', '@balena/dockerignore']);
/** Readers of build files' formats, for the target index only. */
const FOLDER_PACKAGES: Record<string, readonly string[]> = { 'server/src/workspace': ['yaml', 'jsonc-parser'] };
/**
 * Inside the server, dependencies point one way: lsp -> features -> engine -> rules -> the
 * knowledge folders (model, images, workspace), which know nothing of each other's readers; below
 * them all, `support`: small pieces of code with no knowledge of Dockerfiles (a bounded cache).
 */
const RANKS: Record<string, number> = { support: -1, model: 0, images: 0, workspace: 0, words: 0, shell: 0, rules: 1, engine: 2, features: 3, lsp: 4, cli: 4 };

describe('architecture', () => {
  it('keeps the analysis core pure', () => {
    for (const folder of CORE) {
      for (const file of sources(folder)) {
        for (const spec of imports(file)) {
          if (spec.startsWith('.')) continue;
          assert.ok(CORE_PACKAGES.has(spec) || FOLDER_PACKAGES[folder]?.includes(spec), `${file} imports ${spec}`);
        }
        assert.doesNotMatch(readFileSync(file, 'utf8'), /process\.env|require\(/, file);
      }
    }
  });

  it('lets server layers depend only on lower ones', () => {
    for (const [layer, rank] of Object.entries(RANKS)) {
      if (rank >= 4) continue;
      for (const file of sources(`server/src/${layer}`)) {
        for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
          const target = path.relative('server/src', path.resolve(path.dirname(file), spec)).split(path.sep)[0] as string;
          const targetRank = RANKS[target];
          // A knowledge folder may use another's types; never a layer above it.
          assert.ok(targetRank === undefined || targetRank <= rank, `${file} (${layer}) imports ${spec} (${target})`);
        }
      }
    }
  });

  it('never lets the client import the server', () => {
    for (const file of sources('client/src')) {
      for (const spec of imports(file)) assert.ok(!spec.includes('server/'), `${file} imports ${spec}`);
    }
  });

  it('keeps source files under about 400 lines', () => {
    for (const file of [...sources('server/src'), ...sources('client/src'), ...sources('common')]) {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      assert.ok(lines <= 420, `${file} has ${lines} lines`);
    }
  });
});
