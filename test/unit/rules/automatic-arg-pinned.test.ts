import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { dockerfile } from '../../support/fixtures';
import { applyRuleFix, expectRule } from '../../support/rule-harness';

describe('automatic-arg-pinned', () => {
  it('fires on a default for an automatic platform argument, before FROM or in a stage', () => {
    expectRule('automatic-arg-pinned', dockerfile`
      ARG TARGETARCH=amd64
      #   ^^^^^^^^^^^^^^^^ automatic-arg-pinned 'ARG TARGETARCH=amd64' replaces the value BuildKit sets from the platform: a build for another platform still gets 'amd64'. Declare it without a default ('ARG TARGETARCH').
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
      ARG GOOS=linux BUILDPLATFORM=linux/amd64
      #              ^^^^^^^^^^^^^^^^^^^^^^^^^ automatic-arg-pinned 'ARG BUILDPLATFORM=linux/amd64' replaces the value BuildKit sets from the platform: a build for another platform still gets 'linux/amd64'. Declare it without a default ('ARG BUILDPLATFORM').
    `);
    assert.equal(applyRuleFix('automatic-arg-pinned', 'FROM alpine:3.20\nARG TARGETARCH=amd64\nRUN echo $TARGETARCH\n'), 'FROM alpine:3.20\nARG TARGETARCH\nRUN echo $TARGETARCH\n');
  });

  it('does not fire on a declaration without default or on other arguments', () => {
    expectRule('automatic-arg-pinned', dockerfile`
      ARG TARGETARCH
      ARG ARCH=amd64
      FROM alpine:3.20
      ARG TARGETOS TARGETARCH
      ARG TARGET_ARCH=arm64
    `);
  });
});
