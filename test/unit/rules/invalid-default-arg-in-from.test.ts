import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('invalid-default-arg-in-from', () => {
  it('fires when the defaults leave an empty or broken image name', () => {
    expectRule('invalid-default-arg-in-from', dockerfile`
      ARG TAG
      FROM alpine:\${TAG}
      #    ^^^^^^^^^^^^^ invalid-default-arg-in-from With the ARG defaults, 'alpine:\${TAG}' becomes 'alpine:', which is not a valid image; give the ARG a default that makes a full image name.
    `);
  });

  it('does not fire with defaults, fallbacks, or undeclared arguments (undefined-arg-in-from reports those)', () => {
    expectRule('invalid-default-arg-in-from', dockerfile`
      ARG TAG=3.20
      ARG VARIANT
      FROM alpine:\${TAG}
      FROM alpine:\${VARIANT:-3.20}
      FROM alpine:\${UNKNOWN}
    `);
  });
});
