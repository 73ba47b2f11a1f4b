import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('redundant-target-platform', () => {
  it('fires on --platform=$TARGETPLATFORM', () => {
    expectRule('redundant-target-platform', dockerfile`
      FROM --platform=\${TARGETPLATFORM} alpine:3.20
      #               ^^^^^^^^^^^^^^^^^ redundant-target-platform --platform=\${TARGETPLATFORM} is the default; remove the flag.
    `);
  });

  it('does not fire on $BUILDPLATFORM', () => {
    expectRule('redundant-target-platform', dockerfile`
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
    `);
  });
});
