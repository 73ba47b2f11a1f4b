import assert from '../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint, type Problem } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { expandSnippet } from '../support/snippets';

interface Snippet {
  readonly prefix: string | string[];
  readonly description: string;
  readonly body: string | string[];
}

const load = (file: string) => Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>);
const templates = load('snippets/templates.json');
const pieces = load('snippets/pieces.json');

/**
 * Infos a template may keep, with why: images without a shell or an HTTP client cannot run a
 * HEALTHCHECK command, so the orchestrator's probe does that job.
 */
const ALLOWED_INFOS: Readonly<Record<string, readonly string[]>> = {
  'Multi-stage: Go on distroless': ['final-no-healthcheck'],
  'Multi-stage: Go on scratch': ['final-no-healthcheck'],
  'Multi-stage: Java with Maven': ['final-no-healthcheck'],
  'Multi-stage: .NET (ASP.NET Core)': ['final-no-healthcheck'],
  'Multi-stage: Rust on scratch (musl)': ['final-no-healthcheck'],
};

/** Where each piece is tried: a clean two-stage Dockerfile with the piece in the stage it belongs to. */
function host(name: string, piece: string): string {
  const alpine = /alpine|apk/i.test(name);
  const image = alpine ? 'alpine:3.22' : 'debian:bookworm-slim';
  const build = `FROM ${image} AS build\nWORKDIR /src\n`;
  const runtime = (inside: string) => `FROM ${image} AS runtime\nWORKDIR /app\nCOPY --from=build --chown=10001:10001 /src/out.txt ./\n${inside}USER 10001\nCMD ["cat", "out.txt"]\n`;
  if (name === 'Named build stage') return `# syntax=docker/dockerfile:1\n${piece}\nRUN echo built > /src/out.txt\n\n${runtime('')}`;
  if (/^(Non-root user|HEALTHCHECK|COPY --from|Cache mount: (apt|apk))/.test(name)) {
    return `# syntax=docker/dockerfile:1\n${build}RUN echo built > /src/out.txt\nRUN mkdir -p /out && echo app > /out/app\n\n${runtime(`${piece}\n`)}`;
  }
  return `# syntax=docker/dockerfile:1\n${build}${piece}\nRUN echo built > /src/out.txt\n\n${runtime('')}`;
}

const describeProblem = (p: Problem) => `${p.ruleId} (${p.severity}) line ${p.range.start.line + 1}: ${p.message}`;

/** What is wrong with a Dockerfile a snippet produced: problems above info, unexpected infos, loose references. */
function faults(text: string, allowedInfos: readonly string[] = []): string[] {
  const model = buildModel(text);
  const found: string[] = [];
  for (const problem of lint(model).problems) {
    const quiet = problem.severity === 'info' || problem.severity === 'hint';
    if (!quiet || !allowedInfos.includes(problem.ruleId)) found.push(describeProblem(problem));
  }
  for (const reference of model.references) {
    if (reference.resolution.kind !== 'stage' && reference.resolution.kind !== 'image') {
      found.push(`reference '${reference.text}' on line ${reference.range.start.line + 1} is ${reference.resolution.kind}`);
    }
  }
  if (model.stages.length === 0) found.push('no stage');
  return found;
}

describe('snippets', () => {
  it('each has a prefix, a description that says what it gives, and a body that expands', () => {
    for (const [name, snippet] of [...templates, ...pieces]) {
      const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix;
      assert.ok(prefixes.length > 0 && prefixes.every((p) => p.trim() !== ''), `${name}: prefix`);
      assert.ok(snippet.description.length >= 30, `${name}: description too short`);
      assert.doesNotThrow(() => expandSnippet(snippet.body), `${name}: body`);
    }
  });

  it('has a template per ecosystem and the pieces a multi-stage file is made of', () => {
    assert.deepEqual(
      templates.map(([name]) => name),
      [
        'Multi-stage: Node.js service',
        'Multi-stage: single-page app on nginx',
        'Multi-stage: Go on distroless',
        'Multi-stage: Go on scratch',
        'Multi-stage: Python with a virtualenv',
        'Multi-stage: Java with Maven',
        'Multi-stage: .NET (ASP.NET Core)',
        'Multi-stage: Rust on scratch (musl)',
      ],
    );
    const names = pieces.map(([name]) => name);
    for (const expected of ['Named build stage', 'COPY --from an earlier stage', 'Secret mount', 'Non-root user (Debian/Ubuntu)', 'HEALTHCHECK', 'Dependencies first: Node.js']) {
      assert.ok(names.includes(expected), expected);
    }
    for (const manager of ['apt', 'apk', 'npm', 'yarn', 'pnpm', 'pip', 'go', 'cargo', 'maven', 'gradle', 'nuget']) {
      assert.ok(names.includes(`Cache mount: ${manager}`), `cache mount for ${manager}`);
    }
  });

  for (const [name, snippet] of templates) {
    it(`template '${name}', expanded with its defaults, passes every rule and its stages resolve`, () => {
      const text = expandSnippet(snippet.body);
      assert.deepEqual(faults(text, ALLOWED_INFOS[name]), [], text);
      assert.ok(buildModel(text).stages.length >= 2, 'a template has several stages');
    });
  }

  for (const [name, snippet] of pieces) {
    it(`piece '${name}', expanded in a clean Dockerfile, keeps it clean`, () => {
      const text = host(name, expandSnippet(snippet.body).trimEnd());
      assert.deepEqual(faults(host('clean host', '# nothing here')), [], 'the host itself is clean');
      assert.deepEqual(faults(text), [], text);
    });
  }

  it('would catch a template that breaks a rule', () => {
    const broken = expandSnippet(['FROM node:${1:latest} AS build', 'RUN npm ci', 'FROM node:24-bookworm-slim', 'COPY --from=buidl /app /app', 'EXPOSE 3000', 'CMD node app.js']);
    assert.deepEqual(
      faults(broken).map((fault) => fault.split(' ')[0]),
      ['stage-ref-unknown', 'json-args-recommended', 'image-unpinned', 'final-user-root', 'final-no-healthcheck', 'reference'],
    );
  });
});
