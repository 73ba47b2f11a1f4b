import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('stage-name-casing', () => {
  it('fires on a name that is not lowercase', () => {
    expectRule('stage-name-casing', dockerfile`
      FROM golang:1.23 AS BuildStage
      #                   ^^^^^^^^^^ stage-name-casing Stage name 'BuildStage' should be lowercase: 'buildstage'.
    `);
  });

  it('does not fire on lowercase names with digits, dashes, dots and underscores', () => {
    expectRule('stage-name-casing', dockerfile`
      FROM golang:1.23 AS build-1.2_x
      FROM alpine:3.20
    `);
  });
});
