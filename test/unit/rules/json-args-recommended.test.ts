import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('json-args-recommended', () => {
  it('fires on CMD and ENTRYPOINT in shell form in the stages that are built', () => {
    expectRule('json-args-recommended', dockerfile`
      FROM alpine:3.20
      ENTRYPOINT /usr/bin/app --serve
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ json-args-recommended ENTRYPOINT in shell form runs under /bin/sh -c, which does not pass stop signals on; use the exec form ENTRYPOINT ["executable", "arg"].
    `);
  });

  it('does not fire on exec forms, after a SHELL, or in stages the target does not need', () => {
    expectRule('json-args-recommended', dockerfile`
      FROM alpine:3.20 AS unused
      CMD echo never built
      FROM alpine:3.20 AS powershell
      SHELL ["pwsh", "-Command"]
      CMD Write-Host hi
      FROM alpine:3.20
      COPY --from=powershell /x /x
      CMD ["/usr/bin/app", "--serve"]
    `);
  });
});
