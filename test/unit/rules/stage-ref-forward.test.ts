import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-ref-forward', () => {
  it('fires on COPY --from, mount from= and index references to a later stage', () => {
    expectRule('stage-ref-forward', dockerfile`
      FROM alpine:3.20 AS runtime
      COPY --from=assets /static /srv/static
      #           ^^^^^^ stage-ref-forward Stage 'assets' is defined later (line 5); a stage can only use stages defined before it.
      RUN --mount=type=bind,from=Assets,target=/a ls /a
      #                          ^^^^^^ stage-ref-forward Stage 'assets' is defined later (line 5); a stage can only use stages defined before it.
      COPY --from=1 /static /srv
      #           ^ stage-ref-forward Stage 'assets' is defined later (line 5); a stage can only use stages defined before it.
      FROM nginx:1.27-alpine AS assets
    `);
  });

  it('fires on FROM <later stage>', () => {
    expectRule('stage-ref-forward', dockerfile`
      FROM base AS app
      #    ^^^^ stage-ref-forward Stage 'base' is defined later (line 2); a stage can only use stages defined before it.
      FROM alpine:3.20 AS base
    `);
  });

  it('does not fire on earlier stages or images', () => {
    expectRule('stage-ref-forward', dockerfile`
      FROM alpine:3.20 AS base
      FROM base AS app
      COPY --from=base /x /x
      COPY --from=0 /x /x
      COPY --from=alpine:3.20 /etc/os-release /tmp/
    `);
  });
});
