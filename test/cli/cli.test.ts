import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { findShellCheck } from '../../server/src/node/shellcheck-runner';

const CLI = path.resolve('dist/cli.js');
/** The CLI asks the local engine and reads its disk cache by default: neither may be this machine's. */
const HERMETIC = { DOCKER_HOST: 'unix:///nonexistent/docker.sock', XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'dfs-cli-cache-')) };
const APP = 'test/fixtures/cli/app/Dockerfile';
/**
 * The fixtures, copied to a folder of their own: inside this repository they sit under `test/`,
 * where every Dockerfile is a test fixture (as in any repository), not an image that ships.
 */
const FIXTURES = mkdtempSync(path.join(tmpdir(), 'dfs-cli-fixtures-'));
cpSync('test/fixtures/cli', path.join(FIXTURES, 'test', 'fixtures', 'cli'), { recursive: true });

function cli(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: options.input, cwd: options.cwd ?? FIXTURES, env: { ...process.env, NO_COLOR: '1', ...HERMETIC, ...options.env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('dockerfile-stages check', () => {
  it('prints path:line:col severity rule message, grouped per file, with the line and a summary', () => {
    const { code, stdout, stderr } = cli(['check', 'test/fixtures/cli']);
    assert.equal(stderr, '');
    assert.equal(
      stdout,
      [
        APP,
        `${APP}:1:18 warning from-as-casing 'as' should match the case of 'FROM': write 'AS'.`,
        '    FROM golang:1.23 as build',
        `${APP}:8:1 warning final-user-root Stage 2 (alpine:3.20) runs as root: no USER is set and alpine:3.20 runs as root by default. Add a non-root USER before CMD/ENTRYPOINT. It ships because it is the last stage and it runs.`,
        '    FROM alpine:3.20',
        `${APP}:9:5 warning apk-no-cache apk add keeps its package index in this layer; use 'apk add --no-cache'.`,
        '    RUN apk add curl',
        `${APP}:10:13 error stage-ref-unknown 'buidl' is not a stage. Did you mean 'build'?`,
        '    COPY --from=buidl /out/app /usr/local/bin/app',
        `${APP}:11:1 hint final-no-healthcheck Stage 2 (alpine:3.20) serves port 8080 but has no HEALTHCHECK, so \`docker run\` and Compose cannot tell a hung server from a healthy one. It ships because it is the last stage and it runs.`,
        '    EXPOSE 8080',
        '2 files checked: 1 error, 3 warnings, 1 hint.',
        '',
      ].join('\n'),
    );
    assert.equal(code, 1);
  });

  it('writes the documented JSON shape with 0-based LSP positions', () => {
    const { code, stdout } = cli(['check', APP, '--format', 'json']);
    assert.equal(code, 1);
    const [file] = JSON.parse(stdout) as { file: string; diagnostics: Record<string, unknown>[] }[];
    assert.equal(file?.file, APP);
    assert.deepEqual(file?.diagnostics[3], {
      ruleId: 'stage-ref-unknown',
      severity: 'error',
      message: "'buidl' is not a stage. Did you mean 'build'?",
      range: { start: { line: 9, character: 12 }, end: { line: 9, character: 17 } },
      fixable: true,
      fixes: [{ title: "Use 'build'", automatic: true, edits: [{ range: { start: { line: 9, character: 12 }, end: { line: 9, character: 17 } }, newText: 'build' }] }],
    });
    assert.deepEqual(file?.diagnostics.map((d) => [d.ruleId, d.fixable]), [
      ['from-as-casing', true],
      ['final-user-root', true],
      ['apk-no-cache', true],
      ['stage-ref-unknown', true],
      ['final-no-healthcheck', false],
    ]);
  });

  it('reads what ships from the Bake file of the folder it checks, and --target wins', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-bake-'));
    try {
      const dockerfile = ['FROM node:20-alpine AS web', 'EXPOSE 3000', 'CMD ["node", "server.js"]', 'FROM node:20-alpine AS worker', 'CMD ["node", "worker.js"]', ''].join('\n');
      writeFileSync(path.join(folder, 'Dockerfile'), dockerfile);
      const rootFindings = (args: string[] = []) => {
        const { stdout } = cli(['check', folder, '--format', 'json', '--fail-level', 'none', ...args]);
        const [file] = JSON.parse(stdout) as { diagnostics: { ruleId: string; message: string; range: { start: { line: number } } }[] }[];
        return (file?.diagnostics ?? []).filter((d) => d.ruleId === 'final-user-root').map((d) => `${d.range.start.line}: ${d.message.replace(/^.*It ships because /, '')}`);
      };
      // With no build file, each image the file makes runs: the worker (last) and the web server
      // (no stage builds on it, it has its own command), both long-lived Node.js programs.
      assert.deepEqual(rootFindings(), ['0: no other stage builds on it and it has a command of its own.', '3: it is the last stage and it runs.']);
      writeFileSync(path.join(folder, 'docker-bake.hcl'), 'group "default" {\n  targets = ["web"]\n}\ntarget "web" {\n  target = "web"\n  tags = ["example/web"]\n}\n');
      assert.deepEqual(rootFindings(), ['0: docker-bake.hcl:5, target web ships it.']);
      assert.deepEqual(rootFindings(['--target', 'worker']), ['3: it is the chosen build target.']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('adds ShellCheck findings on RUN lines when shellcheck is installed, off on request, and says when a named one is missing', { skip: !findShellCheck(null).path && !process.env.CI && 'shellcheck is not installed' }, () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-sc-'));
    try {
      writeFileSync(path.join(folder, 'Dockerfile'), 'FROM debian:12\nARG VERSION=1\nRUN echo $VERSION \\\n    && cd /tmp\nCMD ["x"]\n');
      const codes = (args: string[]) => {
        const run = cli(['check', path.join(folder, 'Dockerfile'), '--format', 'json', '--fail-level', 'none', ...args]);
        const [file] = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; range: { start: { line: number; character: number } } }[] }[];
        return { found: (file?.diagnostics ?? []).filter((d) => d.ruleId.startsWith('SC')).map((d) => `${d.ruleId}@${d.range.start.line}:${d.range.start.character}`), stderr: run.stderr };
      };
      // VERSION is 1 in the build, one plain word: unquoted, it splits into nothing.
      assert.deepEqual(codes([]).found, ['SC2164@3:7']);
      assert.deepEqual(codes(['--shellcheck', 'off']).found, []);
      assert.deepEqual(codes(['--shellcheck', '/nonexistent/shellcheck']), { found: [], stderr: 'dockerfile-stages: The configured ShellCheck (/nonexistent/shellcheck) cannot be run.\n' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes SARIF 2.1.0 that the official schema accepts, with 1-based regions', () => {
    const { stdout } = cli(['check', APP, '--format', 'sarif']);
    const log = JSON.parse(stdout) as { version: string; runs: { results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: unknown }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The official schema is written in JSON Schema draft-04, with a pattern that is not valid in unicode mode.
    const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    // The validator does reject what is not SARIF.
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    assert.equal(validate({ ...log, runs: [{ results: [] }] }), false);
    const run = log.runs[0];
    const result = run?.results.find((r) => r.ruleId === 'stage-ref-unknown');
    assert.deepEqual(result?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: APP },
      region: { startLine: 10, startColumn: 13, endLine: 10, endColumn: 18 },
    });
    assert.equal(result?.level, 'error');
    assert.equal(run?.tool.driver.rules[result?.ruleIndex ?? -1]?.id, 'stage-ref-unknown');
  });

  it('writes GitHub annotations', () => {
    const { stdout } = cli(['check', APP, '--format', 'github', '--rule', 'final-user-root=off', '--rule', 'final-no-healthcheck=off', '--rule', 'apk-no-cache=info']);
    assert.equal(
      stdout,
      [
        `::warning file=${APP},line=1,col=18,endLine=1,endColumn=20,title=from-as-casing::'as' should match the case of 'FROM': write 'AS'.`,
        `::notice file=${APP},line=9,col=5,endLine=9,endColumn=17,title=apk-no-cache::apk add keeps its package index in this layer; use 'apk add --no-cache'.`,
        `::error file=${APP},line=10,col=13,endLine=10,endColumn=18,title=stage-ref-unknown::'buidl' is not a stage. Did you mean 'build'?`,
        '',
      ].join('\n'),
    );
  });

  it('exits by the fail level, 0 for a clean file', () => {
    assert.equal(cli(['check', APP, '--fail-level', 'error', '-q']).code, 1);
    assert.equal(cli(['check', APP, '--fail-level', 'none', '-q']).code, 0);
    assert.equal(cli(['check', APP, '--rule', 'stage-ref-unknown=warning', '--fail-level', 'error', '-q']).code, 0);
    const clean = cli(['check', 'test/fixtures/cli/clean']);
    assert.deepEqual([clean.code, clean.stdout], [0, '1 file checked: no problems.\n']);
  });

  it('reads standard input', () => {
    const { code, stdout } = cli(['check', '-', '--format', 'json'], { input: 'FROM alpine:3.20 as base\nUSER 65532\n' });
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout)[0].diagnostics.map((d: { ruleId: string }) => d.ruleId), ['from-as-casing']);
  });

  it('fixes in place what it can offline, and a second run has nothing left to fix', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-'));
    try {
      copyFileSync(APP, path.join(folder, 'Dockerfile'));
      writeFileSync(path.join(folder, '.dockerignore'), '.git\n');
      const first = cli(['check', 'Dockerfile', '--fix'], { cwd: folder });
      assert.match(first.stdout, /^Dockerfile: fixed 4 problems\n/);
      assert.equal(first.code, 0);
      assert.equal(
        readFileSync(path.join(folder, 'Dockerfile'), 'utf8'),
        readFileSync(APP, 'utf8')
          .replace('as build', 'AS build')
          .replace('apk add curl', 'apk add --no-cache curl')
          .replace('buidl', 'build')
          .replace('CMD ["app"]', 'RUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["app"]'),
      );
      const second = cli(['check', 'Dockerfile', '--fix', '--rule', 'final-no-healthcheck=off'], { cwd: folder });
      assert.deepEqual([second.code, second.stdout], [0, '1 file checked: no problems.\n']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--fix also creates a missing .dockerignore and names a stage used by its index, as the editor does', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-'));
    try {
      writeFileSync(path.join(folder, 'Dockerfile'), 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=0 /app/dist /usr/share/nginx/html\n');
      const fixed = cli(['check', 'Dockerfile', '--fix', '--fail-level', 'none'], { cwd: folder });
      assert.match(fixed.stdout, /^Dockerfile: fixed 2 problems\n/);
      assert.equal(
        readFileSync(path.join(folder, 'Dockerfile'), 'utf8'),
        'FROM node:20-slim AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      );
      assert.match(readFileSync(path.join(folder, '.dockerignore'), 'utf8'), /^\.git\n[^]*\*\*\/node_modules\n/);
      // An existing file is never written over.
      writeFileSync(path.join(folder, '.dockerignore'), 'mine\n');
      cli(['check', 'Dockerfile', '--fix', '--fail-level', 'none'], { cwd: folder });
      assert.equal(readFileSync(path.join(folder, '.dockerignore'), 'utf8'), 'mine\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says what is wrong, with exit 2, for a missing file, an empty folder, a bad config or bad options', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-'));
    try {
      mkdirSync(path.join(folder, 'empty'));
      writeFileSync(path.join(folder, 'bad.json'), '{ "rules": { "image-unpinned": "loud", "final-user-rot": "off" } }');
      assert.deepEqual(cli(['check', 'missing/Dockerfile']), { code: 2, stdout: '', stderr: 'dockerfile-stages: Cannot read missing/Dockerfile: no such file.\n' });
      assert.equal(cli(['check', path.join(folder, 'empty')]).stderr, `dockerfile-stages: No Dockerfiles found under ${path.join(folder, 'empty')}.\n`);
      assert.deepEqual(cli(['check', APP, '--config', path.join(folder, 'bad.json')]), {
        code: 2,
        stdout: '',
        stderr: `dockerfile-stages: ${path.join(folder, 'bad.json')}: rule 'image-unpinned': expected one of off, hint, info, warning, error; unknown rule 'final-user-rot' (did you mean 'final-user-root'?).\n`,
      });
      // A configured target that names no stage: refused, as docker build --target would.
      mkdirSync(path.join(folder, 'app'));
      writeFileSync(path.join(folder, 'app', 'Dockerfile'), 'FROM alpine:3.20 AS build\nFROM build AS test\nRUN true\nFROM alpine:3.20 AS runtime\nCMD ["x"]\n');
      writeFileSync(path.join(folder, 'app', '.dockerfile-stages.json'), '{ "target": "tset" }');
      assert.deepEqual(cli(['check', path.join(folder, 'app', 'Dockerfile')]), {
        code: 2,
        stdout: '',
        stderr: `dockerfile-stages: ${path.join(folder, 'app', '.dockerfile-stages.json')}: target 'tset' is no stage of ${path.join(folder, 'app', 'Dockerfile')} (its stages: build, test, runtime). Did you mean 'test'?\n`,
      });
      assert.equal(cli(['check', path.join(folder, 'app', 'Dockerfile'), '--target', 'test', '--fail-level', 'none']).code, 0, '--target wins over the file');
      assert.deepEqual(cli(['check', '--format', 'xml']), { code: 2, stdout: '', stderr: "dockerfile-stages: --format must be one of text, json, sarif, github (got 'xml').\n" });
      assert.equal(cli(['lint']).stderr, "dockerfile-stages: Unknown command 'lint'. Run 'dockerfile-stages --help'.\n");
      assert.equal(cli(['check', '-', '--fix'], { input: 'FROM alpine\n' }).code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports a binary file instead of crashing', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-'));
    try {
      writeFileSync(path.join(folder, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0, 0xff]));
      const { code, stdout } = cli(['check', path.join(folder, 'Dockerfile')]);
      assert.deepEqual([code, stdout], [0, `${path.join(folder, 'Dockerfile')}: skipped (binary file, not a Dockerfile)\n0 files checked: no problems.\n`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('dockerfile-stages graph, rules, --help, --version', () => {
  it('prints the stage graph as mermaid, dot and json, external images as their own nodes', () => {
    const file = path.resolve('examples/go-api/Dockerfile');
    assert.equal(
      cli(['graph', file]).stdout,
      'flowchart LR\n  i0[/"golang:1.23-alpine"/]\n  i1[/"gcr.io/distroless/static-debian12:nonroot"/]\n  s0["builder"]\n  s1["test"]\n  s2["runtime"]\n  i0 -->|FROM| s0\n  s0 -->|FROM| s1\n  i1 -->|FROM| s2\n  s0 -->|COPY --from| s2\n',
    );
    assert.match(cli(['graph', file, '--format', 'dot']).stdout, /^digraph stages \{\n  rankdir=LR;\n[\s\S]*  s0 -> s2 \[label="COPY --from"\];\n\}\n$/);
    const json = JSON.parse(cli(['graph', file, '--format', 'json']).stdout);
    assert.deepEqual(json.edges.at(-1), { from: { stage: 0 }, to: 2, kind: 'copy-from', line: 17 });
  });

  it('lists the rules as markdown and json', () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout) as { id: string }[];
    assert.ok(rules.some((r) => r.id === 'stage-ref-unknown'));
    assert.match(cli(['rules']).stdout, /^\| rule \| default \| what it reports \|\n/);
  });

  it('shows help and version', () => {
    assert.match(cli(['--help']).stdout, /^dockerfile-stages — the multi-stage Dockerfile checker/);
    assert.equal(cli(['--version']).stdout, `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });
});

describe('text colours', () => {
  it('are used on a terminal only, and never with NO_COLOR', async () => {
    const { formatText } = await import('../../server/src/cli/formats');
    const { lint } = await import('../../server/src/engine/lint');
    const { buildModel } = await import('../../server/src/model/model-builder');
    const model = buildModel('FROM alpine:3.20 as base\n');
    const results = [{ file: 'Dockerfile', problems: lint(model).problems.filter((p) => p.ruleId === 'from-as-casing'), line: () => 'FROM alpine:3.20 as base' }];
    assert.match(formatText(results, { color: true }, false), /\u001b\[33mwarning\u001b\[39m/);
    assert.doesNotMatch(formatText(results, { color: false }, false), /\u001b/);
    // Piped output (not a terminal) has no colour even without NO_COLOR.
    assert.doesNotMatch(cli(['check', APP], { env: { NO_COLOR: undefined } }).stdout, /\u001b/);
  });
});

describe('dockerfile-stages build (without an engine)', () => {
  it('refuses a target that names no stage, a missing file and a second file, with exit 2', () => {
    assert.deepEqual(cli(['build', APP, '--target', 'runtme']).stderr, `dockerfile-stages: 'runtme' is no stage of ${APP} (its stages: build).\n`);
    assert.equal(cli(['build', 'missing/Dockerfile']).code, 2);
    assert.equal(cli(['build', APP, APP]).stderr, 'dockerfile-stages: build takes exactly one Dockerfile (docker build arguments go after --).\n');
    assert.equal(cli(['build', APP, '--format', 'sarif']).code, 2);
  });

  it("says when the engine is not there, with the engine's exit code 127 and no results", () => {
    const run = cli(['build', APP, '--engine', 'no-such-docker', '--format', 'json']);
    assert.equal(run.code, 127);
    assert.match(run.stderr, /'no-such-docker' was not found\./);
    assert.deepEqual(JSON.parse(run.stdout).instructions, []);
  });
});
