import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('from-as-casing', () => {
  it('fires when AS does not match the case of FROM', () => {
    expectRule('from-as-casing', dockerfile`
      FROM golang:1.23 as build
      #                ^^ from-as-casing 'as' should match the case of 'FROM': write 'AS'.
      from alpine:3.20 AS runtime
      #                ^^ from-as-casing 'AS' should match the case of 'from': write 'as'.
    `);
  });

  it('does not fire when the cases match', () => {
    expectRule('from-as-casing', dockerfile`
      FROM golang:1.23 AS build
      from alpine:3.20 as runtime
      FROM alpine:3.20
    `);
  });
});
