import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('undefined-arg-in-from', () => {
  it('fires on each undeclared variable of a FROM, on the variable', () => {
    expectRule('undefined-arg-in-from', dockerfile`
      ARG TAG=3.20
      FROM \${REGISTRY}/alpine:\${TAG}
      #    ^^^^^^^^^^^ undefined-arg-in-from FROM uses 'REGISTRY', which no ARG before the first FROM declares; add 'ARG REGISTRY=<default>' at the top.
      FROM --platform=$HOSTPLATFORM alpine:3.20
      #               ^^^^^^^^^^^^^ undefined-arg-in-from FROM uses 'HOSTPLATFORM', which no ARG before the first FROM declares; add 'ARG HOSTPLATFORM=<default>' at the top.
    `);
  });

  it('does not fire on declared or predefined arguments', () => {
    expectRule('undefined-arg-in-from', dockerfile`
      ARG BASE=alpine
      ARG TAG
      FROM --platform=$BUILDPLATFORM \${BASE}:\${TAG:-3.20}
      FROM --platform=\${TARGETPLATFORM} $BASE
    `);
  });
});
