import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('no-empty-continuation', () => {
  it('fires once per instruction, on the line after the blank ones', () => {
    expectRule('no-empty-continuation', dockerfile`
      FROM alpine:3.20
      RUN apk add --no-cache curl \\

          && echo done
      #^^^^^^^^^^^^^^^ no-empty-continuation A blank line inside the continued RUN (line 2); remove it, or put a comment on it.
    `);
  });

  it('does not fire on comment lines inside a continuation or blank lines between instructions', () => {
    expectRule('no-empty-continuation', dockerfile`
      FROM alpine:3.20
      RUN apk add --no-cache curl \\
          # keep curl for the health check
          && echo done

      CMD ["sh"]
    `);
  });
});
