import assert from '../../support/assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, replacementEdit } from '../../../server/src/engine/text-edits';

describe('one edit from one text to another', () => {
  it('replaces only the span between what both texts share', () => {
    assert.deepEqual(replacementEdit('FROM a\nRUN x\nCMD y\n', 'FROM a\nRUN x \\\n    && z\nCMD y\n'), {
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      newText: ' \\\n    && z',
    });
    assert.equal(replacementEdit('same', 'same'), null);
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const crlf = replacementEdit('A\r\nB\r\n', 'A\r\nX\r\nB\r\n');
    assert.ok(crlf);
    assert.equal(applyEdits('A\r\nB\r\n', [crlf]), 'A\r\nX\r\nB\r\n');
    const emoji = replacementEdit('a\u{1F600}b', 'a\u{1F601}b');
    assert.ok(emoji);
    assert.equal(emoji.newText, '\u{1F601}');
  });

  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'grapheme-composite' }), (before, after) => {
        const edit = replacementEdit(before, after);
        assert.equal(edit ? applyEdits(before, [edit]) : before, after);
      }),
      { numRuns: 2000 },
    );
    const lines = fc.array(fc.constantFrom('\r', '\n', '\r\n', 'a', 'b', '\u{1F600}'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const edit = replacementEdit(before, after);
        assert.equal(edit ? applyEdits(before, [edit]) : before, after);
      }),
      { numRuns: 5000 },
    );
  });
});
