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

  it('does not fire with defaults, fallbacks, chained global ARGs, quotes or pattern substitutions', () => {
    expectRule('invalid-default-arg-in-from', dockerfile`
      ARG TAG=3.20
      ARG VARIANT
      ARG GO_VERSION=1.23
      ARG GOLANG_IMAGE="golang:\${GO_VERSION}-bookworm"
      ARG REL=bookworm
      ARG ARCH_PATH=linux/arm/v7
      FROM alpine:\${TAG}
      FROM alpine:\${VARIANT:-3.20}
      FROM \${GOLANG_IMAGE}
      FROM debian:"\${REL}-slim"
      FROM gotify/build:\${GO_VERSION}-\${ARCH_PATH//\\//-}
      FROM alpine:\${TARGETARCH}
    `);
  });

  it('fires, as BuildKit does, when an argument without default leaves the name empty or cut', () => {
    expectRule('invalid-default-arg-in-from', dockerfile`
      ARG RUBY_VERSION
      ARG base_image
      FROM ruby:\${RUBY_VERSION}
      #    ^^^^^^^^^^^^^^^^^^^^ invalid-default-arg-in-from With the ARG defaults, 'ruby:\${RUBY_VERSION}' becomes 'ruby:', which is not a valid image; give the ARG a default that makes a full image name.
      FROM \$base_image AS release
      #    ^^^^^^^^^^^ invalid-default-arg-in-from With the ARG defaults, '\$base_image' becomes '', which is not a valid image; give the ARG a default that makes a full image name.
      FROM alpine:\${UNKNOWN}
      #    ^^^^^^^^^^^^^^^^^ invalid-default-arg-in-from With the ARG defaults, 'alpine:\${UNKNOWN}' becomes 'alpine:', which is not a valid image; give the ARG a default that makes a full image name.
    `);
  });
});
