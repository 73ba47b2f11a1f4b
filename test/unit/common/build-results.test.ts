import assert from '../../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BuildProgress } from '../../../common/build-progress';
import { describeBytes, describeTime, instructionKey, markCacheBreaks, readHistory, resultsOnLines, stageShapes, type BuildRecord, type StageShape } from '../../../common/build-results';
import { readBuildFailure } from '../../../client/src/build/build-failure';
import { shippingFor } from '../../../server/src/engine/lint';
import { stagesOf } from '../../../server/src/features/stages';
import { buildModel } from '../../../server/src/model/model-builder';

/** Real BuildKit 0.25 output (docker 28.5, buildx 0.29) of test/fixtures/build-progress/Dockerfile, built twice with src.txt changed between. */
const fixture = (name: string) => readFileSync(`test/fixtures/build-progress/${name}`, 'utf8');

function shapesOf(text: string): StageShape[] {
  const model = buildModel(text);
  return stageShapes(stagesOf(model, shippingFor(model), []).stages);
}

function read(output: string): { shown: string; progress: BuildProgress } {
  const progress = new BuildProgress();
  const shown = output.split('\n').map((line) => progress.read(line)).join('');
  return { shown, progress };
}

function recordOf(text: string, stages: readonly StageShape[], buildArgs: Record<string, string> = {}): BuildRecord {
  const lines = text.split('\n');
  const texts = new Map<string, string>();
  for (const stage of stages) stage.instructions.forEach((instruction, i) => texts.set(instructionKey(stage.index, i), lines.slice(instruction.line, instruction.endLine + 1).join('\n')));
  return { texts, buildArgs };
}

describe('build results from BuildKit progress', () => {
  const dockerfile = fixture('Dockerfile');
  const stages = shapesOf(dockerfile);

  it('renders rawjson as the readable lines of plain progress', () => {
    const { shown } = read(fixture('second.txt'));
    assert.match(shown, /^#\d+ \[build 2\/3\] COPY src\.txt \.\/\n#\d+ DONE \d+\.\ds\n/m);
    assert.match(shown, /^#\d+ \[deps 2\/2\] RUN echo deps > \/deps\.txt && dd if=\/dev\/zero of=\/big bs=1024 count=2048\n#\d+ CACHED\n/m);
    assert.doesNotMatch(shown, /"vertexes"/);
    // Output comes in chunks that cut lines anywhere: the same lines are shown.
    const chunked = new BuildProgress();
    const text = fixture('second.txt');
    let pieces = '';
    for (let at = 0; at < text.length; at += 977) pieces += chunked.readChunk('stderr', text.slice(at, at + 977));
    assert.equal(pieces + chunked.flush(), shown);
  });

  it('puts the first build on its lines: every step built, nothing marked (no earlier build)', () => {
    const results = resultsOnLines(read(fixture('first.txt')).progress.steps(), stages, 2, null);
    assert.deepEqual(
      results.map((r) => [r.line + 1, r.keyword, r.cached]),
      [[1, 'FROM', false], [4, 'RUN', false], [7, 'WORKDIR', false], [8, 'COPY', false], [9, 'RUN', false], [12, 'COPY', false]],
    );
    assert.ok(results.every((r) => r.seconds !== null && r.seconds >= 0 && r.error === null));
    assert.deepEqual(markCacheBreaks(results, stages, recordOf(dockerfile, stages), null), results);
  });

  it('after a source change: cached up to the COPY that reads it, marked there with the reason; layer sizes of the image', () => {
    const steps = read(fixture('second.txt')).progress.steps();
    const results = resultsOnLines(steps, stages, 2, readHistory(fixture('second-history.txt')));
    const marked = markCacheBreaks(results, stages, recordOf(dockerfile, stages), recordOf(dockerfile, stages));
    assert.deepEqual(
      marked.map((r) => [r.line + 1, r.keyword, describeTime(r) === 'cached' ? 'cached' : 'built', r.layerBytes, r.cacheBroken ?? null]),
      [
        [1, 'FROM', 'cached', null, null],
        [4, 'RUN', 'cached', null, null],
        [7, 'WORKDIR', 'cached', null, null],
        [8, 'COPY', 'built', null, 'cache broken here: the files it copies changed'],
        [9, 'RUN', 'built', null, null],
        [12, 'COPY', 'built', 4, 'cache broken here: the stage it copies from changed'],
      ],
    );
  });

  it('tells a changed instruction, ARG and build argument apart', () => {
    const results = resultsOnLines(read(fixture('second.txt')).progress.steps(), stages, 2, null);
    const before = recordOf(dockerfile, stages, { VERSION: '1' });
    const edited = dockerfile.replace('COPY src.txt ./', 'COPY src.txt  ./');
    assert.equal(markCacheBreaks(results, stages, recordOf(edited, stages, { VERSION: '1' }), before).find((r) => r.line === 7)?.cacheBroken, 'cache broken here: the instruction changed');
    const argChanged = dockerfile.replace('ARG VERSION=1', 'ARG VERSION=2');
    const deps = markCacheBreaks([{ line: 3, endLine: 3, stage: 0, keyword: 'RUN', cached: false, seconds: 1, layerBytes: null, error: null }], stages, recordOf(argChanged, stages), recordOf(dockerfile, stages));
    assert.equal(deps[0]?.cacheBroken, 'cache broken here: the ARG on line 2 changed');
    const buildArg = markCacheBreaks([{ line: 3, endLine: 3, stage: 0, keyword: 'RUN', cached: false, seconds: 1, layerBytes: null, error: null }], stages, recordOf(dockerfile, stages, { VERSION: '3' }), before);
    assert.equal(buildArg[0]?.cacheBroken, 'cache broken here: build argument VERSION changed');
  });

  it("a failed step: its error on its line, and the failure block the Problems panel reads", () => {
    const failing = 'FROM local/busybox:1 AS broken\nRUN echo about to fail && false\n';
    const { shown, progress } = read(fixture('failed.txt'));
    const results = resultsOnLines(progress.steps(), shapesOf(failing), 0, null);
    assert.deepEqual(results.map((r) => [r.line + 1, r.keyword, r.seconds === null, r.error]), [
      [1, 'FROM', false, null],
      [2, 'RUN', false, 'process "/bin/sh -c echo about to fail && false" did not complete successfully: exit code: 1'],
    ]);
    assert.deepEqual(readBuildFailure(shown, 'Dockerfile.fail'), {
      line: 2,
      endLine: 2,
      step: '[2/2] RUN echo about to fail && false',
      error: 'process "/bin/sh -c echo about to fail && false" did not complete successfully: exit code: 1',
      output: ['about to fail'],
    });
  });

  it('puts nothing on lines when the file changed shape since the build', () => {
    const steps = read(fixture('second.txt')).progress.steps();
    assert.deepEqual(resultsOnLines(steps, shapesOf(dockerfile.replace('WORKDIR /src\n', '')), 2, null).filter((r) => r.stage === 1), []);
  });

  it('says times and sizes as Docker does', () => {
    assert.deepEqual([describeTime({ cached: true, seconds: 0 }), describeTime({ cached: false, seconds: 0.042 }), describeTime({ cached: false, seconds: 12.34 })], ['cached', '42 ms', '12.3 s']);
    assert.deepEqual([describeBytes(4), describeBytes(102400), describeBytes(1982365), describeBytes(734_000_000)], ['4 B', '102 kB', '2.0 MB', '734 MB']);
  });
});
