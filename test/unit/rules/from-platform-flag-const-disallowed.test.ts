import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('from-platform-flag-const-disallowed', () => {
  it('fires on a constant --platform', () => {
    expectRule('from-platform-flag-const-disallowed', dockerfile`
      FROM --platform=linux/amd64 alpine:3.20 AS tools
      #               ^^^^^^^^^^^ from-platform-flag-const-disallowed --platform=linux/amd64 pins this stage; use $BUILDPLATFORM or $TARGETPLATFORM so it follows the build, or, if it must run on linux/amd64, name the stage after it (e.g. 'tools-amd64').
    `);
  });

  it('says when the image is published for that platform only: the pin is needed, the name says so', () => {
    const imageFacts = (image: string) => (image === 'vendor/agent:2.1' ? { facts: { platforms: ['linux/amd64'] }, source: 'registry' } : null);
    expectRule('from-platform-flag-const-disallowed', dockerfile`
      FROM --platform=linux/amd64 vendor/agent:2.1 AS agent
      #               ^^^^^^^^^^^ from-platform-flag-const-disallowed --platform=linux/amd64 pins this stage, and 'vendor/agent:2.1' is published for linux/amd64 only; name the stage after its platform (e.g. 'agent-amd64') to say the pin is meant.
    `, { imageFacts });
  });

  it('does not fire on build args or on a stage named for its platform', () => {
    expectRule('from-platform-flag-const-disallowed', dockerfile`
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
      FROM --platform=linux/arm64 alpine:3.20 AS tools-arm64
    `);
  });
});
