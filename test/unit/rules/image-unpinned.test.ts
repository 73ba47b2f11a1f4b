import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('image-unpinned', () => {
  it('fires on base images and --from images without a tag or with latest', () => {
    expectRule('image-unpinned', dockerfile`
      FROM node AS deps
      #    ^^^^ image-unpinned Base image 'node' has no tag, so it means whatever 'latest' is on the day of the build; pin a version ('node:<version>').
      FROM ghcr.io/acme/base:latest AS app
      #    ^^^^^^^^^^^^^^^^^^^^^^^^ image-unpinned Base image 'ghcr.io/acme/base:latest' uses the 'latest' tag, which moves; pin a version.
      COPY --from=nginx:latest /etc/nginx /etc/nginx
      #           ^^^^^^^^^^^^ image-unpinned Image 'nginx:latest' uses the 'latest' tag, which moves; pin a version.
    `);
  });

  it('does not fire on versions, digests, scratch, variables or earlier stages', () => {
    expectRule('image-unpinned', dockerfile`
      ARG BASE=alpine
      FROM node:20.18-alpine AS deps
      FROM deps AS build
      FROM alpine@sha256:beefdb4b3b3fd6ed2fb0bff5ec6cdbeda9a8b9e5b3e5d6f5e1e6a2b5c3a9e1f0 AS digest
      FROM scratch
      FROM \${BASE}
      COPY --from=busybox:1.36 /bin/busybox /bin/
    `);
  });
});
