import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-name-reserved', () => {
  it('fires on stages named scratch or context', () => {
    expectRule('stage-name-reserved', dockerfile`
      FROM alpine:3.20 AS scratch
      #                   ^^^^^^^ stage-name-reserved 'scratch' is a name BuildKit reserves (the empty image); a stage should not use it.
      FROM alpine:3.20 AS Context
      #                   ^^^^^^^ stage-name-reserved 'Context' is a name BuildKit reserves (the build context); a stage should not use it.
    `);
  });

  it('does not fire on FROM scratch or ordinary names', () => {
    expectRule('stage-name-reserved', dockerfile`
      FROM scratch AS empty
      FROM alpine:3.20 AS contexts
    `);
  });
});
