import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import assert from '../../support/assert';
import { applyEdits } from '../../../server/src/engine/text-edits';
import { expectRule, problemsOf } from '../../support/rule-harness';

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

  it('does not fire on versions, digests, scratch, pinned or unknowable build arguments, or earlier stages', () => {
    expectRule('image-unpinned', dockerfile`
      ARG BASE=alpine:3.20
      ARG FLAVOUR
      FROM node:20.18-alpine AS deps
      FROM deps AS build
      FROM alpine@sha256:beefdb4b3b3fd6ed2fb0bff5ec6cdbeda9a8b9e5b3e5d6f5e1e6a2b5c3a9e1f0 AS digest
      FROM scratch
      FROM \${BASE}
      FROM node:\${FLAVOUR}
      COPY --from=busybox:1.36 /bin/busybox /bin/
    `);
  });

  it('fires on an image whose build argument defaults leave it unpinned, and fixes the ARG', () => {
    expectRule('image-unpinned', dockerfile`
      ARG IMAGE=node
      #         ^^^^ image-unpinned ARG IMAGE makes the FROMs at lines 3, 5 build on 'node': no tag, so it means whatever 'latest' is on the day of the build; pin a version here.
      ARG TAG=latest
      #       ^^^^^^ image-unpinned ARG TAG makes the FROM at line 4 build on 'golang:latest': the 'latest' tag moves; pin a version here.
      FROM \${IMAGE} AS deps
      FROM golang:\${TAG}
      FROM \${IMAGE}
      COPY --from=deps /app /app
    `);
    const text = 'ARG IMAGE=node\nARG TAG="latest"\nFROM ${IMAGE} AS deps\nFROM golang:${TAG}\n';
    const [image, tag] = problemsOf('image-unpinned', text);
    assert.equal(applyEdits(text, image?.fixes[0]?.edits ?? []), 'ARG IMAGE=node:${1:<version>}\nARG TAG="latest"\nFROM ${IMAGE} AS deps\nFROM golang:${TAG}\n');
    assert.equal(applyEdits(text, tag?.fixes[0]?.edits ?? []), 'ARG IMAGE=node\nARG TAG="${1:<version>}"\nFROM ${IMAGE} AS deps\nFROM golang:${TAG}\n');
    assert.equal(tag?.fixes[0]?.title, 'Pin a version in ARG TAG (type it in)');
  });

  it('fires on moving tags, and on a written moving tag among variables', () => {
    expectRule('image-unpinned', dockerfile`
      ARG REGISTRY=ghcr.io/acme
      FROM alpine:edge AS tools
      #    ^^^^^^^^^^^ image-unpinned Base image 'alpine:edge' uses the moving tag 'edge'; pin a version.
      FROM node:lts-slim AS web
      #    ^^^^^^^^^^^^^ image-unpinned Base image 'node:lts-slim' uses the moving tag 'lts-slim'; pin a version.
      FROM \${REGISTRY}/app:latest
      #    ^^^^^^^^^^^^^^^^^^^^^^ image-unpinned Base image '\${REGISTRY}/app:latest' uses the moving tag 'latest'; pin a version.
    `);
  });

  it('does not fire on a bare name that is no official image: it is built locally', () => {
    // `docker build -t argocd-base --target argocd-base .` in a Makefile, then FROM argocd-base.
    expectRule('image-unpinned', dockerfile`
      FROM argocd-base
      COPY --from=app-builder /out /out
      FROM \${REGISTRY}/app:\${TAG}
      FROM node:20-alpine3.20
    `);
    expectRule('image-unpinned', dockerfile`
      FROM 127.0.0.1:5000/pin/busybox
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^ image-unpinned Base image '127.0.0.1:5000/pin/busybox' has no tag, so it means whatever 'latest' is on the day of the build; pin a version ('127.0.0.1:5000/pin/busybox:<version>').
    `);
  });

  it('does not fire on an image the workspace builds and tags itself', () => {
    expectRule('image-unpinned', 'FROM acme/app-base\nCOPY --from=acme/assets /dist /dist\n', { localImages: new Set(['docker.io/acme/app-base', 'docker.io/acme/assets']) });
  });
});
