import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-name-duplicate', () => {
  it('fires on the second stage with a name, whatever its case', () => {
    expectRule('stage-name-duplicate', dockerfile`
      FROM golang:1.23 AS build
      FROM node:20-alpine AS Build
      #                      ^^^^^ stage-name-duplicate Stage name 'Build' is already used by the stage on line 1; BuildKit refuses duplicate stage names.
    `);
  });

  it('does not fire on distinct names or unnamed stages', () => {
    expectRule('stage-name-duplicate', dockerfile`
      FROM golang:1.23 AS build
      FROM golang:1.23
      FROM alpine:3.20
      FROM alpine:3.20 AS runtime
    `);
  });
});
