import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('multiple-instructions-disallowed', () => {
  it('fires on every CMD, ENTRYPOINT or HEALTHCHECK but the last of a stage', () => {
    expectRule('multiple-instructions-disallowed', dockerfile`
      FROM alpine:3.20
      CMD ["one"]
      #^^^^^^^^^^ multiple-instructions-disallowed Only the last CMD of a stage takes effect; this one is overridden on line 3.
      CMD ["two"]
    `);
  });

  it('does not fire on one of each per stage', () => {
    expectRule('multiple-instructions-disallowed', dockerfile`
      FROM alpine:3.20 AS a
      CMD ["one"]
      FROM alpine:3.20
      ENTRYPOINT ["app"]
      CMD ["two"]
      HEALTHCHECK CMD ["true"]
    `);
  });
});
