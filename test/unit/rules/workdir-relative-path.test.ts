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

  it('does not fire on absolute paths, variables or relative paths after an absolute one', () => {
    expectRule('workdir-relative-path', dockerfile`
      FROM alpine:3.20
      WORKDIR /srv
      WORKDIR app
      FROM alpine:3.20
      WORKDIR $HOME
    `);
  });
});
