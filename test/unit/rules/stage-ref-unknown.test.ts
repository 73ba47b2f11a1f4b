import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-ref-unknown', () => {
  it('fires on a --from name a typo away from a stage, naming the stage', () => {
    expectRule('stage-ref-unknown', dockerfile`
      FROM golang:1.23 AS builder
      RUN go build -o /out/app .
      FROM alpine:3.20
      COPY --from=buidler /out/app /app
      #           ^^^^^^^ stage-ref-unknown 'buidler' is not a stage. Did you mean 'builder'?
      RUN --mount=type=bind,from=bulder,target=/src ls /src
      #                          ^^^^^^ stage-ref-unknown 'bulder' is not a stage. Did you mean 'builder'?
    `);
  });

  it('fires on an index past the last stage', () => {
    expectRule('stage-ref-unknown', dockerfile`
      FROM alpine:3.20 AS a
      FROM alpine:3.20 AS b
      COPY --from=5 /x /y
      #           ^ stage-ref-unknown Stage index 5 does not exist: this file has 2 stages (0–1).
    `);
  });

  it('fires on FROM <typo of an earlier stage>, which would be pulled as an image', () => {
    expectRule('stage-ref-unknown', dockerfile`
      FROM node:20-alpine AS deps
      FROM dpes AS build
      #    ^^^^ stage-ref-unknown 'dpes' is not an earlier stage, so it would be pulled as an image. Did you mean 'deps'?
    `);
  });

  it('does not fire on images, variables, real stages or far-away names', () => {
    expectRule('stage-ref-unknown', dockerfile`
      ARG TOOLS=tools
      FROM golang:1.23 AS builder
      FROM alpine:3.20
      COPY --from=builder /out/app /app
      COPY --from=BUILDER /out/app /app2
      COPY --from=nginx:1.27 /etc/nginx /etc/nginx
      COPY --from=busybox /bin/busybox /bin/
      COPY --from=ghcr.io/acme/tools /bin/tool /bin/
      COPY --from=\${TOOLS} /x /x
      COPY --from=0 /x /x
      FROM node AS web
      FROM builder
    `);
  });

  it('does not suggest for short names more than one edit away, but says what BuildKit will pull', () => {
    expectRule('stage-ref-unknown', dockerfile`
      FROM alpine:3.20 AS app
      FROM alpine:3.20
      COPY --from=abc /x /x
      #           ^^^ stage-ref-unknown 'abc' is no stage of this file and no official image: BuildKit will try to pull docker.io/library/abc, which does not exist, unless the build passes a named context 'abc' (--build-context) or an image 'abc' was built locally first.
      COPY --from=ap /x /x
      #           ^^ stage-ref-unknown 'ap' is not a stage. Did you mean 'app'?
    `);
  });

  it('fires on a bare --from name far from every stage that no image has, unless the workspace builds it or passes it as a named context', () => {
    const text = 'FROM node:20 AS web-build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=frontend /app/dist /usr/share/nginx/html\n';
    expectRule('stage-ref-unknown', dockerfile`
      FROM node:20 AS web-build
      RUN npm run build
      FROM nginx:1.27
      COPY --from=frontend /app/dist /usr/share/nginx/html
      #           ^^^^^^^^ stage-ref-unknown
    `);
    // A Makefile runs `docker build -t frontend ./web` first.
    expectRule('stage-ref-unknown', text, { localImages: new Set(['docker.io/library/frontend']) });
    // docker-bake.hcl: contexts = { frontend = "./web/dist" }.
    expectRule('stage-ref-unknown', text, { namedContexts: new Set(['frontend']) });
  });
});
