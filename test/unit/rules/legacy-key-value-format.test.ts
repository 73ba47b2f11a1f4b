import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('legacy-key-value-format', () => {
  it("fires on 'ENV key value' and 'LABEL key value'", () => {
    expectRule('legacy-key-value-format', dockerfile`
      FROM alpine:3.20
      ENV APP_HOME /srv/app
      #^^^^^^^^^^^^^^^^^^^^ legacy-key-value-format 'ENV APP_HOME …' is the legacy form; write 'ENV APP_HOME=…'.
    `);
  });

  it('does not fire on key=value forms', () => {
    expectRule('legacy-key-value-format', dockerfile`
      ARG VERSION=1
      FROM alpine:3.20
      ENV APP_HOME=/srv/app PORT=8080
      LABEL org.opencontainers.image.version="1.0"
    `);
  });
});
