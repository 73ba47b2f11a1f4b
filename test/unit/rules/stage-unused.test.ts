import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-unused', () => {
  it('fires on a builder stage nothing uses or builds, saying what it looked at', () => {
    expectRule('stage-unused', dockerfile`
      FROM golang:1.23 AS build
      FROM node:20-alpine AS assets
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ stage-unused Stage 'assets' is not used: no later stage builds on it or copies from it, no build file (compose, Bake, CI) was found, and it is no test, dev, export or runtime stage. BuildKit skips it.
      RUN npm ci && npm run build
      FROM alpine:3.20
      COPY --from=build /out/app /app
      CMD ["/app"]
    `);
    expectRule(
      'stage-unused',
      dockerfile`
      FROM node:20-alpine AS assets
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ stage-unused Stage 'assets' is not used: no later stage builds on it or copies from it, no build file names it (looked at compose.yaml), and it is no test, dev, export or runtime stage. BuildKit skips it.
      RUN npm run build
      FROM alpine:3.20
      CMD ["sh"]
    `,
      { targetFiles: ['compose.yaml'] },
    );
  });

  it('does not fire on used stages, the last stage, test, dev and runtime stages, or when a --from uses a variable', () => {
    expectRule('stage-unused', dockerfile`
      FROM golang:1.23 AS build
      FROM build AS test
      RUN go test ./...
      FROM build AS debug-tools
      FROM alpine:3.20 AS runtime
      COPY --from=buidler /out/app /app
    `);
    expectRule('stage-unused', dockerfile`
      ARG FROM_STAGE=one
      FROM alpine:3.20 AS one
      FROM alpine:3.20 AS two
      FROM alpine:3.20
      COPY --from=\${FROM_STAGE} /x /x
    `);
  });

  it('does not fire on stages a pattern can name or that the workspace builds', () => {
    expectRule('stage-unused', dockerfile`
      FROM scratch AS binaries-linux
      FROM scratch AS binaries-darwin
      FROM binaries-\${TARGETOS} AS binaries
    `);
    expectRule(
      'stage-unused',
      dockerfile`
      FROM node:20 AS assets
      RUN npm run build
      FROM alpine:3.20
      CMD ["sh"]
    `,
      { uses: [{ target: 'assets', targetHasVariables: false, purpose: 'export', source: 'docker-bake.hcl:3, target assets' }] },
    );
  });
});
