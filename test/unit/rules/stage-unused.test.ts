import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-unused', () => {
  it('fires on a stage no later stage uses, faded on its FROM line', () => {
    expectRule('stage-unused', dockerfile`
      FROM golang:1.23 AS build
      FROM node:20-alpine AS assets
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ stage-unused Stage 'assets' is not used by any later stage and is not the build target; BuildKit skips it.
      FROM alpine:3.20
      COPY --from=build /out/app /app
    `);
  });

  it('does not fire on used stages, the last stage, target-like names or when a --from uses a variable', () => {
    expectRule('stage-unused', dockerfile`
      FROM golang:1.23 AS build
      FROM build AS test
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
});
