import assert from '../../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { buildModel, ModelBuilder, SharedChunks } from '../../../server/src/model/model-builder';
import type { DockerfileModel } from '../../../server/src/model/types';

const examples = ['examples/node-service/Dockerfile', 'examples/go-api/Dockerfile', 'examples/python-worker/Dockerfile', 'examples/Dockerfile.mistakes'];

function generated(stages: number): string {
  const parts: string[] = [];
  for (let i = 0; i < stages; i++) {
    parts.push(`# stage ${i}\nFROM alpine:3.20 AS s${i}\nRUN echo ${i} \\\n  && true\n${i > 0 ? `COPY --from=s${i - 1} /x /x\n` : ''}\n`);
  }
  return parts.join('');
}

const instructionsOf = (model: DockerfileModel) => [...model.preamble, ...model.stages.flatMap((s) => s.instructions)];

describe('chunked parsing with a content cache', () => {
  it('maps every position back exactly: same instructions as one whole-document parse', () => {
    for (const file of examples) {
      const text = readFileSync(file, 'utf8');
      const whole = DockerfileParser.parse(text).getInstructions();
      const ours = instructionsOf(buildModel(text));
      assert.deepEqual(
        ours.map((i) => [i.keyword, i.range, i.keywordRange]),
        whole.map((i) => [i.getKeyword(), i.getRange(), i.getInstructionRange()]),
        file,
      );
    }
  });

  it('re-parses only the stage an edit touched', () => {
    const builder = new ModelBuilder();
    const text = generated(50);
    builder.build(text);
    // 50 stages and the preamble (the first comment line).
    assert.deepEqual(builder.lastBuildStats, { parsedChunks: 51, parsedInstructions: 0, reusedChunks: 0, shiftedChunks: 0 });
    const edited = text.replace('RUN echo 25 ', 'RUN echo 25x ');
    const model = builder.build(edited);
    // In the stage that changed, only the RUN is parsed again; its FROM and COPY are reused.
    assert.deepEqual(builder.lastBuildStats, { parsedChunks: 1, parsedInstructions: 1, reusedChunks: 50, shiftedChunks: 0 });
    assert.deepEqual(instructionsOf(model), instructionsOf(buildModel(edited)));
  });

  it('shifts, without re-parsing, the stages after an inserted line', () => {
    const builder = new ModelBuilder();
    const text = generated(20);
    builder.build(text);
    const edited = text.replace('RUN echo 5 ', 'RUN echo 5 \\\n  && echo extra line ');
    const model = builder.build(edited);
    assert.deepEqual(builder.lastBuildStats, { parsedChunks: 1, parsedInstructions: 1, reusedChunks: 20, shiftedChunks: 14 });
    assert.deepEqual(model.stages, buildModel(edited).stages);
    assert.deepEqual(model.references, buildModel(edited).references);
  });

  it('re-parses stage chunks when the escape directive changes', () => {
    const builder = new ModelBuilder();
    const text = 'FROM alpine AS a\nRUN echo `\n  two\nFROM a\n';
    assert.equal(builder.build(text).stages[0]?.instructions[1]?.range.end.line, 1);
    const model = builder.build(`# escape=\`\n${text}`);
    assert.equal(model.stages[0]?.instructions[1]?.range.end.line, 3);
  });

  it('gives, edit after edit, the model a fresh parse gives (random successive edits of the examples)', () => {
    const FRAGMENTS = ['x', '\n', ' \\\n', '\nFROM alpine AS z\n', '\nRUN <<EOF\necho\nEOF\n', '# c\n', '\nCOPY --from=build /a /b\n', '<<', '\\', '\r\n', '`'];
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })));
    const shape = (model: DockerfileModel) => JSON.parse(JSON.stringify({ preamble: model.preamble, stages: model.stages, references: model.references }));
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 8 }), (file, edits) => {
        const builder = new ModelBuilder();
        let text = readFileSync(file, 'utf8');
        builder.build(text);
        for (const [at, length, insert] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
          assert.deepEqual(shape(builder.build(text)), shape(buildModel(text)));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) / 3 },
    );
  });

  it('shares the chunks of the same text open twice, and lets them go when both close', () => {
    const shared = new SharedChunks();
    const first = new ModelBuilder(shared);
    const second = new ModelBuilder(shared);
    const text = generated(30);
    const one = first.build(text);
    const two = second.build(text);
    assert.deepEqual(second.lastBuildStats, { parsedChunks: 0, parsedInstructions: 0, reusedChunks: 31, shiftedChunks: 0 });
    assert.ok(one.stages.every((stage, i) => stage.instructions === two.stages[i]?.instructions), 'the same instruction lists');
    // An edit in one document leaves the other's model as it was.
    const edited = text.replace('RUN echo 7 ', 'RUN echo seven ');
    assert.deepEqual(instructionsOf(first.build(edited)), instructionsOf(buildModel(edited)));
    assert.deepEqual(instructionsOf(second.build(text)), instructionsOf(buildModel(text)));
    shared.release(first);
    assert.equal(shared.size, 31);
    shared.release(second);
    assert.equal(shared.size, 0);
    // Closed and opened again: the recently let-go chunks serve it, and it reads the same.
    const third = new ModelBuilder(shared);
    assert.deepEqual(instructionsOf(third.build(text)), instructionsOf(buildModel(text)));
    assert.deepEqual(third.lastBuildStats, { parsedChunks: 0, parsedInstructions: 0, reusedChunks: 31, shiftedChunks: 0 });
  });

  it('gives every document the model a fresh parse gives, while documents share chunks (random edits)', () => {
    const shape = (model: DockerfileModel) => JSON.parse(JSON.stringify({ preamble: model.preamble, stages: model.stages, references: model.references }));
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('x', '\n', ' \\\n', '\nFROM alpine AS z\n', '# c\n')), { minLength: 1, maxLength: 8 }), (file, edits) => {
        const shared = new SharedChunks();
        const builders = [new ModelBuilder(shared), new ModelBuilder(shared)];
        const texts = [readFileSync(file, 'utf8'), readFileSync(file, 'utf8')];
        builders.forEach((builder, i) => builder.build(texts[i] as string));
        for (const [which, at, length, insert] of edits) {
          const i = which ? 1 : 0;
          const text = texts[i] as string;
          const start = at % (text.length + 1);
          texts[i] = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
          for (const [j, builder] of builders.entries()) assert.deepEqual(shape(builder.build(texts[j] as string)), shape(buildModel(texts[j] as string)));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) / 5 },
    );
  });
});

