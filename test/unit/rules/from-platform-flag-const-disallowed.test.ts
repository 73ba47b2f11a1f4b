import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('from-platform-flag-const-disallowed', () => {
  it('fires on a constant --platform', () => {
    expectRule('from-platform-flag-const-disallowed', dockerfile`
      FROM --platform=linux/amd64 alpine:3.20 AS tools
      #               ^^^^^^^^^^^ from-platform-flag-const-disallowed --platform=linux/amd64 pins this stage; use $BUILDPLATFORM or $TARGETPLATFORM so it follows the build.
    `);
  });

  it('does not fire on build args or on a stage named for its platform', () => {
    expectRule('from-platform-flag-const-disallowed', dockerfile`
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
      FROM --platform=linux/arm64 alpine:3.20 AS tools-arm64
    `);
  });
});
