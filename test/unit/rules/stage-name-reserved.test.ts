import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-name-reserved', () => {
  it('fires on stages named scratch or context', () => {
    expectRule('stage-name-reserved', dockerfile`
      FROM alpine:3.20 AS scratch
      #                   ^^^^^^^ stage-name-reserved 'scratch' is reserved by BuildKit and cannot name a stage.
      FROM alpine:3.20 AS Context
      #                   ^^^^^^^ stage-name-reserved 'Context' is reserved by BuildKit and cannot name a stage.
    `);
  });

  it('does not fire on FROM scratch or ordinary names', () => {
    expectRule('stage-name-reserved', dockerfile`
      FROM scratch AS empty
      FROM alpine:3.20 AS contexts
    `);
  });
});
