import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('copy-from-no-chown', () => {
  it('fires on COPY --from after a non-root USER without --chown', () => {
    expectRule('copy-from-no-chown', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20
      USER app
      COPY --from=build /out/app /app
      #^^^ copy-from-no-chown COPY writes files owned by root even after 'USER app'; add --chown=app if the process must write them.
      CMD ["/app"]
    `);
  });

  it('does not fire with --chown, before USER, for context copies or in builder stages', () => {
    expectRule('copy-from-no-chown', dockerfile`
      FROM golang:1.23 AS build
      USER builder
      COPY --from=0 /x /x
      FROM alpine:3.20
      COPY --from=build /out/app /app
      USER app
      COPY --from=build --chown=app:app /out/data /data
      COPY config.yml /etc/app/
    `);
  });
});
