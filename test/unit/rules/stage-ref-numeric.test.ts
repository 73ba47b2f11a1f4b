import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-ref-numeric', () => {
  it('fires on an index reference, naming the stage when it has a name', () => {
    expectRule('stage-ref-numeric', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20
      FROM alpine:3.20
      COPY --from=0 /out/app /app
      #           ^ stage-ref-numeric Stage 0 is referenced by index; use its name 'build', which survives reordering.
      RUN --mount=from=1,target=/x ls /x
      #                ^ stage-ref-numeric Stage 1 is referenced by index; name it ('FROM … AS <name>') and use the name, which survives reordering.
    `);
  });

  it('does not fire on names, images or indexes past the end (stage-ref-unknown reports those)', () => {
    expectRule('stage-ref-numeric', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20
      COPY --from=build /out/app /app
      COPY --from=alpine:3.20 /etc/os-release /tmp/
      COPY --from=9 /x /x
    `);
  });
});
