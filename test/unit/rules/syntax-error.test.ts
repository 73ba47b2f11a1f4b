import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { dockerfile } from '../../support/fixtures';
import { expectRule, problemsOf } from '../../support/rule-harness';

describe('syntax-error', () => {
  it('fires on ENV without a value and on an exec form that is not an array of strings', () => {
    expectRule('syntax-error', dockerfile`
      FROM alpine:3.20
      ENV PATH
      #^^^^^^^ syntax-error ENV PATH needs a value: ENV PATH=<value>.
      CMD [ "echo", [ "nested" ] ]
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^ syntax-error CMD in exec form must be a JSON array of strings.
    `);
  });

  it('fires on an unterminated heredoc and on a file without instructions', () => {
    assert.deepEqual(
      problemsOf('syntax-error', 'FROM alpine:3.20\nRUN <<EOF\necho hi\n').map((p) => [p.ruleId, p.range.start.line, p.message]),
      [['syntax-error', 1, "Unterminated heredoc: no line 'EOF' closes <<EOF."]],
    );
    assert.deepEqual(problemsOf('syntax-error', '# only a comment\n').map((p) => p.message), ['The Dockerfile has no instructions; it needs at least a FROM.']);
  });

  it('does not fire on what BuildKit parses, however odd', () => {
    expectRule('syntax-error', dockerfile`
      FROM alpine:3.20
      ENV A=1 B="two words"
      LABEL version 1.0
      CMD ['single quotes are shell form']
      RUN <<EOF
      echo ok
      EOF
      COPY --unknown-flag a b
    `);
  });
});
