import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('final-user-root', () => {
  it('fires on a final stage without USER, on its FROM line', () => {
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20 AS runtime
      #^^^^^^^^^^^^^^^^^^^^^^^^^^ final-user-root The final stage 'runtime' runs as root: it sets no USER. Add a non-root USER before CMD/ENTRYPOINT.
      COPY --from=build /out/app /app
      CMD ["/app"]
    `);
  });

  it('fires when the last USER is root', () => {
    expectRule('final-user-root', dockerfile`
      FROM node:20-alpine
      USER node
      RUN id
      USER 0:0
      #^^^^^^^ final-user-root The image runs as '0:0': switch to a non-root USER after the steps that need root.
    `);
  });

  it('does not fire on builder stages, a non-root USER in the FROM chain, or non-root base images', () => {
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      RUN go build -o /out/app .
      FROM alpine:3.20 AS base
      USER 65532:65532
      FROM base AS runtime
      COPY --from=build /out/app /app
    `);
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out/app /app
    `);
  });

  it('does not fire on a target that is not the last stage when that target sets a USER', () => {
    expectRule('final-user-root', dockerfile`
      FROM alpine:3.20 AS runtime
      USER app
      FROM runtime AS test
      USER app
    `);
  });
});
