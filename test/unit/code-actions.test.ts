import assert from '../support/assert';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/text-edits';
import { lint } from '../../server/src/engine/lint';
import { codeActions } from '../../server/src/features/code-actions';
import { buildModel } from '../../server/src/model/model-builder';
import { dockerfile, rangeOf } from '../support/fixtures';

function actionsAt(text: string, needle: string, only?: string[]) {
  const model = buildModel(text);
  const { problems } = lint(model);
  return codeActions(model, problems, rangeOf(text, needle), only);
}
const apply = (text: string, needle: string, title: string) => {
  const action = actionsAt(text, needle).find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}': ${actionsAt(text, needle).map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edits);
};

const text = dockerfile`
  # syntax=docker/dockerfile:1
  FROM golang:1.23 as Build
  RUN go build -o /out/app .
  FROM alpine:3.20
  COPY --from=bulid /out/app /app
  USER 65532
`;

describe('code actions', () => {
  it('offers the fix first and preferred, then the ways to silence the problem', () => {
    assert.deepEqual(
      actionsAt(text, 'bulid').map((a) => [a.title, a.kind, a.preferred]),
      [
        ["Use 'Build'", 'quickfix', true],
        ['Ignore stage-ref-unknown on this line', 'quickfix', false],
        ['Ignore stage-ref-unknown in this file', 'quickfix', false],
      ],
    );
  });

  it('ignores on one line with a reason placeholder, indented like the instruction, merged into an existing comment', () => {
    const once = apply(text, 'bulid', 'Ignore stage-ref-unknown on this line');
    assert.equal(once, text.replace('COPY --from', '# dockerfile-stages ignore=stage-ref-unknown # reason\nCOPY --from'));
    const indented = '  FROM alpine:3.20\n  # dockerfile-stages ignore=stage-ref-numeric # reviewed\n  COPY --from=nginx /a /b\n';
    assert.equal(
      apply(indented, 'nginx', 'Ignore image-unpinned on this line'),
      '  FROM alpine:3.20\n  # dockerfile-stages ignore=stage-ref-numeric,image-unpinned # reviewed\n  COPY --from=nginx /a /b\n',
    );
    assert.equal(
      apply('FROM alpine:3.20\n    COPY --from=nginx /a /b\n', 'nginx', 'Ignore image-unpinned on this line'),
      'FROM alpine:3.20\n    # dockerfile-stages ignore=image-unpinned # reason\n    COPY --from=nginx /a /b\n',
    );
  });

  it('ignores in the whole file after the parser directives, never before them', () => {
    assert.equal(
      apply(text, 'bulid', 'Ignore stage-ref-unknown in this file'),
      text.replace('# syntax=docker/dockerfile:1\n', '# syntax=docker/dockerfile:1\n# dockerfile-stages ignore-file=stage-ref-unknown\n'),
    );
  });

  it('skips a BuildKit check by merging it into the check directive', () => {
    const withCheck = `# check=skip=JSONArgsRecommended;error=true\n${text}`;
    assert.equal(
      apply(withCheck, 'Build', 'Skip StageNameCasing in docker build --check too'),
      withCheck.replace('# check=skip=JSONArgsRecommended;error=true', '# check=skip=JSONArgsRecommended,StageNameCasing;error=true'),
    );
    assert.equal(apply(text, 'as', 'Skip FromAsCasing in docker build --check too'), `# check=skip=FromAsCasing\n${text}`);
  });

  it('fixes all problems of a rule, and everything with source.fixAll', () => {
    const many = 'FROM alpine:3.20\nEXPOSE 80/TCP\nEXPOSE 443/TCP\n';
    const fixAll = actionsAt(many, '80/TCP').find((a) => a.title === 'Fix all expose-proto-casing problems in this file');
    assert.equal(applyEdits(many, fixAll?.edits ?? []), 'FROM alpine:3.20\nEXPOSE 80/tcp\nEXPOSE 443/tcp\n');
    const source = actionsAt(text, 'FROM', ['source.fixAll']);
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.dockerfileStages']);
    assert.equal(
      applyEdits(text, source[0]?.edits ?? []),
      text.replace('as Build', 'AS build').replace('bulid', 'Build'),
    );
  });
});

describe('snippet fixes', () => {
  it('reach a client with snippet edits as a snippet, and others with a visible placeholder', async () => {
    const { toCodeAction } = await import('../../server/src/lsp/conversions');
    const text = 'FROM node\n';
    const plan = actionsAt(text, 'node').find((a) => a.title === 'Pin a version (type it in)');
    assert.ok(plan?.snippet);
    const withSnippets = toCodeAction(plan, 'file:///Dockerfile', 'file:///docs', { supported: true, version: 3 });
    const at = { line: 0, character: 9 };
    assert.deepEqual(withSnippets.edit, {
      documentChanges: [
        { textDocument: { uri: 'file:///Dockerfile', version: 3 }, edits: [{ range: { start: at, end: at }, snippet: { kind: 'snippet', value: ':${1:<version>}' } }] },
      ],
    });
    const plain = toCodeAction(plan, 'file:///Dockerfile', 'file:///docs', { supported: false, version: 3 });
    assert.equal(applyEdits(text, plain.edit?.changes?.['file:///Dockerfile'] ?? []), 'FROM node:<version>\n');
  });
});

describe('fixes that create files', () => {
  it('become a create-file change beside the Dockerfile, never overwriting one', async () => {
    const { toCodeAction } = await import('../../server/src/lsp/conversions');
    const action = toCodeAction(
      { title: 'Create a .dockerignore for this project', kind: 'quickfix', edits: [], preferred: true, problems: [], createFiles: [{ path: '.dockerignore', content: '.git\n' }] },
      'file:///work/app/Dockerfile',
      'file:///docs',
    );
    assert.deepEqual(action.edit, {
      documentChanges: [
        { kind: 'create', uri: 'file:///work/app/.dockerignore', options: { ignoreIfExists: true } },
        { textDocument: { uri: 'file:///work/app/.dockerignore', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '.git\n' }] },
      ],
    });
  });
});
