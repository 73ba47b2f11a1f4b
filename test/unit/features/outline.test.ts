import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { documentSymbols } from '../../../server/src/features/document-symbols';
import { foldingRanges } from '../../../server/src/features/folding-ranges';
import { hover } from '../../../server/src/features/hover';
import { buildModel } from '../../../server/src/model/model-builder';
import { after, dockerfile } from '../../support/fixtures';

const text = dockerfile`
  ARG GO_VERSION=1.23
  FROM golang:\${GO_VERSION} AS build
  RUN go build \\
      -o /out/app .
  COPY <<EOF /etc/app.conf
  port=8080
  EOF

  FROM gcr.io/distroless/static:nonroot
  COPY --from=build /out/app /app
  ENTRYPOINT ["/app"]
`;
const model = buildModel(text);

/** The markdown of a hover, or '' when there is none. */
const hoverText = (card: ReturnType<typeof hover>): string =>
  card && typeof card.contents === 'object' && 'value' in card.contents ? card.contents.value : '';

describe('outline, folding and hover', () => {
  it('outlines global ARGs, then stages with their base image and instructions', () => {
    const symbols = documentSymbols(model);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.kind, s.children?.map((c) => `${c.name} ${c.detail}`)]),
      [
        ['GO_VERSION', '1.23', 13, undefined],
        ['build', 'golang:${GO_VERSION}', 2, ['RUN go build -o /out/app .', 'COPY <<EOF /etc/app.conf']],
        ['stage 2 (gcr.io/distroless/static:nonroot)', 'gcr.io/distroless/static:nonroot', 2, ['COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]']],
      ],
    );
    assert.deepEqual(symbols[1]?.range, { start: { line: 1, character: 0 }, end: { line: 6, character: 3 } });
  });

  it('folds stages, multi-line instructions and heredocs', () => {
    assert.deepEqual(
      foldingRanges(model).map((r) => [r.startLine, r.endLine]),
      [
        [1, 6],
        [2, 3],
        [4, 6],
        [8, 10],
      ],
    );
  });

  it('shows a stage card on a reference: FROM line, base image and users', () => {
    const card = hover(model, after(text, '--from=bu'));
    assert.equal(
      hoverText(card),
      [
        '**Stage `build`** · line 2',
        '```dockerfile',
        'FROM golang:${GO_VERSION} AS build',
        '```',
        'Base image: `golang:${GO_VERSION}`',
        '',
        'Used by: `stage 2 (gcr.io/distroless/static:nonroot)` (line 10, COPY --from)',
      ].join('\n'),
    );
  });

  it('explains a base image the way Docker reads it', () => {
    const card = hover(model, after(text, 'gcr.io/dis'));
    assert.equal(
      hoverText(card),
      [
        '**Base image** `gcr.io/distroless/static:nonroot`',
        '',
        '- Registry: `gcr.io`',
        '- Repository: `distroless/static`',
        '- Tag: `nonroot`',
      ].join('\n'),
    );
    const bare = hover(buildModel('FROM alpine\n'), { line: 0, character: 7 });
    assert.match(JSON.stringify(bare?.contents), /docker.io \(Docker Hub\).*library\/alpine.*No tag: Docker uses `latest`/);
  });
});

describe('hover on a problem', () => {
  it('adds the rule id, severity, summary and page of each problem under the cursor', async () => {
    const { lint } = await import('../../../server/src/engine/lint');
    const text = 'FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=buidler /a /b\n';
    const m = buildModel(text);
    const { problems } = lint(m);
    const card = hover(m, { line: 2, character: 14 }, { problems, docsBaseUri: 'file:///docs/rules' });
    assert.equal(
      hoverText(card),
      "`buidler` names no stage of this file; BuildKit will try it as an image.\n\n---\n\n" +
        '**stage-ref-unknown** (error): A stage reference names no stage: a typo of one, or a bare name no image has. [Rule page](file:///docs/rules/stage-ref-unknown.md)',
    );
  });
});

describe('hover on a suppression comment', () => {
  it('says what the comment silences and shows its reason', async () => {
    const { lint } = await import('../../../server/src/engine/lint');
    const text = 'FROM alpine:3.20\n# dockerfile-stages ignore=image-unpinned # pinned by the release job\nCOPY --from=nginx /etc/nginx /etc/nginx\n';
    const m = buildModel(text);
    const result = lint(m);
    const card = hover(m, { line: 1, character: 5 }, { ...result, docsBaseUri: 'file:///docs/rules' });
    assert.equal(
      hoverText(card),
      'Silences **image-unpinned** on line 3.\nReason: pinned by the release job',
    );
  });
});
