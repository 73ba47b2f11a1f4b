import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('expose-proto-casing', () => {
  it('fires on an uppercase protocol', () => {
    expectRule('expose-proto-casing', dockerfile`
      FROM alpine:3.20
      EXPOSE 80/TCP 53/udp
      #      ^^^^^^ expose-proto-casing Protocol 'TCP' should be lowercase: '80/tcp'.
    `);
  });

  it('does not fire on lowercase protocols or bare ports', () => {
    expectRule('expose-proto-casing', dockerfile`
      FROM alpine:3.20
      EXPOSE 80 443/tcp 53/udp
    `);
  });
});
