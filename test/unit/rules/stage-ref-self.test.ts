import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-ref-self', () => {
  it('fires when a stage copies or mounts from itself, by name or index', () => {
    expectRule('stage-ref-self', dockerfile`
      FROM alpine:3.20 AS base
      FROM alpine:3.20 AS runtime
      COPY --from=runtime /etc/passwd /tmp/passwd
      #           ^^^^^^^ stage-ref-self Stage 'runtime' cannot copy from itself.
      RUN --mount=from=1,target=/x ls /x
      #                ^ stage-ref-self Stage 'runtime' cannot mount from itself.
    `);
  });

  it('does not fire on FROM <image> AS <same name> or on earlier stages', () => {
    expectRule('stage-ref-self', dockerfile`
      FROM nginx:1.27 AS nginx
      FROM alpine:3.20 AS runtime
      COPY --from=nginx /etc/nginx /etc/nginx
      COPY --from=0 /etc/nginx /etc/nginx2
    `);
  });
});
