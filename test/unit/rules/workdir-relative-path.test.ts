import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('workdir-relative-path', () => {
  it('fires on a relative WORKDIR before any absolute one in the stage', () => {
    expectRule('workdir-relative-path', dockerfile`
      FROM alpine:3.20
      WORKDIR app
      #^^^^^^^^^^ workdir-relative-path WORKDIR 'app' is relative to the base image's working directory; start from an absolute path.
    `);
  });

  it('judges the value as BuildKit reads it: quotes removed, variables expanded', () => {
    expectRule('workdir-relative-path', dockerfile`
      FROM alpine:3.20
      ARG DIR=src
      WORKDIR "\${DIR}"
      #^^^^^^^^^^^^^^^ workdir-relative-path WORKDIR 'src' is relative to the base image's working directory; start from an absolute path.
    `);
  });

  it('does not fire on absolute or quoted absolute paths, unknown variables, or after the first WORKDIR of the chain', () => {
    expectRule('workdir-relative-path', dockerfile`
      FROM alpine:3.20 AS base
      WORKDIR /srv
      WORKDIR app
      FROM base
      WORKDIR data
      FROM alpine:3.20
      WORKDIR "/app"
      FROM alpine:3.20
      WORKDIR $HOME
    `);
    expectRule('workdir-relative-path', dockerfile`
      FROM alpine:3.20
      WORKDIR relative
      #^^^^^^^^^^^^^^^ workdir-relative-path WORKDIR 'relative' is relative to the base image's working directory; start from an absolute path.
      WORKDIR again
    `);
  });
});
