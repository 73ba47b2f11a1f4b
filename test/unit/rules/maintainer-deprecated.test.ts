import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('maintainer-deprecated', () => {
  it('fires on MAINTAINER', () => {
    expectRule('maintainer-deprecated', dockerfile`
      FROM alpine:3.20
      MAINTAINER Jane Doe <jane@example.com>
      #^^^^^^^^^ maintainer-deprecated MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="…" instead.
    `);
  });

  it('does not fire on a LABEL', () => {
    expectRule('maintainer-deprecated', dockerfile`
      FROM alpine:3.20
      LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    `);
  });
});
