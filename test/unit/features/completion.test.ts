import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { completeStages, resolveStageItem } from '../../../server/src/features/completion';
import { buildModel } from '../../../server/src/model/model-builder';
import { dockerfile, withCursor } from '../../support/fixtures';

function complete(source: string) {
  const { text, position } = withCursor(source);
  return completeStages(buildModel(text), position)?.items ?? [];
}
const labels = (source: string) => complete(source).map((item) => item.label);
const sorted = (source: string) =>
  complete(source)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
    .map((item) => item.label);

const stages = dockerfile`
  FROM golang:1.23 AS builder
  FROM node:20-alpine AS web
  FROM alpine:3.20
`;

describe('stage completion', () => {
  it('after COPY --from= offers only earlier stages, nearest first: named ones by name, unnamed ones by index', () => {
    const source = `${stages}FROM alpine:3.20 AS runtime\nCOPY --from=$0\nFROM alpine:3.20 AS later\n`;
    assert.deepEqual(sorted(source), ['2', 'web', 'builder']);
  });

  it('never offers the current stage or a later one', () => {
    const source = `FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=$0\nFROM alpine:3.20 AS c\n`;
    assert.deepEqual(labels(source), ['a']);
  });

  it('keeps the nearest stage first past ten stages', () => {
    const many = Array.from({ length: 12 }, (_, i) => `FROM alpine:3.20 AS s${i}\n`).join('');
    assert.deepEqual(sorted(`${many}COPY --from=$0\n`).slice(0, 3), ['s10', 's9', 's8']);
  });

  it('replaces the partly typed name, carries the base image as detail and the FROM line on resolve', () => {
    const { text, position } = withCursor(`${stages}COPY --from=bu$0ild /out /out\n`);
    const model = buildModel(text);
    const result = completeStages(model, position);
    assert.deepEqual(result?.replace, { start: { line: 3, character: 12 }, end: { line: 3, character: 17 } });
    const item = result?.items.find((i) => i.label === 'builder');
    assert.equal(item?.detail, 'golang:1.23');
    assert.equal(item?.documentation, undefined);
    assert.deepEqual(resolveStageItem(model, item!).documentation, { kind: 'markdown', value: '```dockerfile\nFROM golang:1.23 AS builder\n```' });
    const unnamed = completeStages(buildModel(`${stages}FROM x\nCOPY --from=$0\n`.replace('$0', '')), { line: 4, character: 12 })?.items.find((i) => i.label === '2');
    assert.deepEqual(resolveStageItem(model, unnamed!).documentation, { kind: 'markdown', value: '```dockerfile\nFROM alpine:3.20\n```' });
  });

  it('inside RUN --mount=…,from= offers earlier stages', () => {
    assert.deepEqual(sorted(`${stages}RUN --mount=type=cache,target=/x,from=$0 ls\n`), ['web', 'builder']);
    assert.deepEqual(sorted(`${stages}RUN --mount=from=w$0\n`), ['web', 'builder']);
  });

  it('after FROM offers earlier stage names and the base images already used', () => {
    const source = `${stages}FROM $0\n`;
    assert.deepEqual(sorted(source), ['web', 'builder', 'alpine:3.20', 'golang:1.23', 'node:20-alpine']);
    const platform = `${stages}FROM --platform=$BUILDPLATFORM $0\n`;
    assert.deepEqual(sorted(platform), ['web', 'builder', 'alpine:3.20', 'golang:1.23', 'node:20-alpine']);
  });

  it('offers an unnamed stage by its index', () => {
    const source = `FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=$0\n`;
    assert.deepEqual(complete(source).map((i) => [i.label, i.detail]), [['0', 'stage 1 (alpine:3.20)']]);
  });

  it('offers nothing elsewhere', () => {
    assert.deepEqual(labels(`${stages}RUN echo --from$0\n`), []);
    assert.deepEqual(labels(`${stages}COPY . $0\n`), []);
    assert.deepEqual(labels(`COPY --from=$0\n`), []);
  });

  it('offers the nearest hundred stages of a huge file, and those further back that match what is typed', () => {
    const many = Array.from({ length: 150 }, (_, i) => `FROM alpine:3.20 AS s${i}\n`).join('');
    const all = (typed: string) => {
      const { text, position } = withCursor(`${many}FROM alpine:3.20\nCOPY --from=${typed}$0\n`);
      return completeStages(buildModel(text), position);
    };
    const first = all('');
    assert.equal(first?.items.length, 100);
    assert.equal(first?.isIncomplete, true);
    assert.deepEqual(first?.items.slice(0, 2).map((i) => i.label), ['s149', 's148']);
    const typed = all('s1');
    assert.ok(typed?.items.some((i) => i.label === 's1') && typed.items.some((i) => i.label === 's10'));
    const { text, position } = withCursor(`${stages}COPY --from=$0\n`);
    assert.equal(completeStages(buildModel(text), position)?.isIncomplete, undefined, 'a short list is complete');
  });
});

