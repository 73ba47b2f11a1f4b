import assert from '../support/assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { lint } from '../../server/src/engine/lint';
import { applyEdits, editsOverlap } from '../../server/src/engine/text-edits';
import { codeActions } from '../../server/src/features/code-actions';
import { completeStages } from '../../server/src/features/completion';
import { completeDirectives } from '../../server/src/features/directive-completion';
import { completeFlags } from '../../server/src/features/flag-completion';
import { completeInstructions } from '../../server/src/features/instruction-completion';
import { completeVariables } from '../../server/src/features/variable-completion';
import { signatureHelp } from '../../server/src/features/signature-help';
import { semanticTokens } from '../../server/src/features/semantic-tokens';
import { documentLinks } from '../../server/src/features/document-links';
import { documentSymbols } from '../../server/src/features/document-symbols';
import { foldingRanges } from '../../server/src/features/folding-ranges';
import { hover } from '../../server/src/features/hover';
import { findDefinition } from '../../server/src/features/definition';
import { buildModel, ModelBuilder } from '../../server/src/model/model-builder';
import { lineText } from '../../server/src/model/queries';
import type { DockerfileModel } from '../../server/src/model/types';
import { anyDockerfile, editedExample } from '../support/arbitraries';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1500);

function lineLength(model: DockerfileModel, line: number): number {
  return lineText(model, line).length;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function inside(model: DockerfileModel, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < model.lineStarts.length, `${what}: line ${p.line} outside the document`);
    assert.ok(p.character >= 0 && p.character <= lineLength(model, p.line), `${what}: character ${p.character} outside line ${p.line}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: reversed range`);
}

describe('properties over random and randomly edited Dockerfiles', () => {
  it('linting successive versions with cached chunks and stage results gives what a fresh analysis gives', () => {
    const plain = (result: ReturnType<typeof lint>) => JSON.parse(JSON.stringify(result.problems.map(({ fixes, ...problem }) => ({ ...problem, fixes: fixes.map((f) => f.title) }))));
    fc.assert(
      fc.property(fc.array(editedExample, { minLength: 2, maxLength: 6 }), (versions) => {
        const builder = new ModelBuilder();
        for (const text of versions) {
          assert.deepEqual(plain(lint(builder.build(text))), plain(lint(buildModel(text))));
        }
      }),
      { numRuns: Math.round(RUNS / 5) },
    );
  });

  it('analysis never throws and every range it gives lies inside the document', () => {
    fc.assert(
      fc.property(anyDockerfile, (text) => {
        const model = buildModel(text);
        const result = lint(model);
        assert.deepEqual(result.failures.map((f) => f.ruleId), []);
        for (const problem of result.problems) inside(model, problem.range, `${problem.ruleId} diagnostic`);
        // VS Code drops the whole outline when a symbol's selection lies outside its range.
        const within = (inner: Range, outer: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);
        for (const symbol of documentSymbols(model)) {
          inside(model, symbol.range, 'symbol');
          inside(model, symbol.selectionRange, 'symbol selection');
          assert.ok(within(symbol.selectionRange, symbol.range), `the selection of ${symbol.name} lies in its range`);
          for (const child of symbol.children ?? []) {
            inside(model, child.range, 'child symbol');
            assert.ok(within(child.selectionRange, child.range), `the selection of ${child.name} lies in its range`);
          }
        }
        for (const fold of foldingRanges(model)) assert.ok(fold.startLine < fold.endLine && fold.endLine < model.lineStarts.length, 'fold');
        let previous = { line: 0, character: 0 };
        for (const token of semanticTokens(model)) {
          const at = { line: token.line, character: token.character };
          inside(model, { start: at, end: { line: token.line, character: token.character + token.length } }, `${token.type} token`);
          assert.ok(token.line > previous.line || token.character >= previous.character, 'tokens in document order');
          previous = { line: token.line, character: token.character + token.length };
        }
        for (const link of documentLinks(model)) inside(model, link.range, 'document link');
      }),
      { numRuns: RUNS },
    );
  });

  it('every fix applies inside the document, without overlapping edits, and leaves a document that still analyses', () => {
    fc.assert(
      fc.property(anyDockerfile, (text) => {
        const model = buildModel(text);
        const { problems } = lint(model);
        for (const problem of problems) {
          for (const fix of problem.fixes) {
            for (const edit of fix.edits) inside(model, edit.range, `${problem.ruleId} fix '${fix.title}'`);
            // Edits may not overlap; insertions at one position are allowed (LSP keeps their order).
            const insertionAt = (e: TextEdit, f: TextEdit) =>
              e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character &&
              f.range.start.line === e.range.start.line && f.range.start.character === e.range.start.character && f.range.end.line === f.range.start.line && f.range.end.character === f.range.start.character;
            fix.edits.forEach((a, i) => fix.edits.slice(i + 1).forEach((b) => assert.ok(!editsOverlap(a, b) || insertionAt(a, b), `overlapping edits in ${fix.title}`)));
            const fixed = applyEdits(text, fix.edits);
            lint(buildModel(fixed));
          }
        }
      }),
      { numRuns: Math.round(RUNS / 2) },
    );
  });

  it('fix-all settles: once nothing more is fixable, another pass changes nothing', () => {
    fc.assert(
      fc.property(anyDockerfile, (text) => {
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const plan = codeActions(buildModel(current), lint(buildModel(current)).problems, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
          if (plan.length === 0) return;
          const next = applyEdits(current, plan[0]?.edits ?? []);
          if (next === current) return;
          current = next;
        }
        assert.fail(`fix-all did not settle in 10 passes:\n${current}`);
      }),
      { numRuns: Math.round(RUNS / 3) },
    );
  });

  it('every completion, hover, signature help and definition answers anywhere with valid items', () => {
    fc.assert(
      fc.property(anyDockerfile, fc.nat(), fc.nat(), (text, lineSeed, charSeed) => {
        const model = buildModel(text);
        const line = lineSeed % model.lineStarts.length;
        const position = { line, character: charSeed % (lineLength(model, line) + 1) };
        for (const complete of [completeStages, completeVariables, completeFlags, completeDirectives, completeInstructions]) {
          const completion = complete(model, position);
          if (completion) {
            inside(model, completion.replace, `${complete.name} edit`);
            assert.equal(completion.replace.start.line, line);
          }
          for (const item of completion?.items ?? []) {
            assert.ok(typeof item.label === 'string' && item.label.length > 0, 'completion label');
          }
        }
        signatureHelp(model, position);
        const card = hover(model, position);
        if (card?.range) inside(model, card.range, 'hover range');
        const target = findDefinition(model, position);
        if (target) inside(model, target, 'definition');
      }),
      { numRuns: RUNS },
    );
  });
});
