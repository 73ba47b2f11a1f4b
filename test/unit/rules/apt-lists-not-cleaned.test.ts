import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('apt-lists-not-cleaned', () => {
  it('fires on apt-get in the final stage without removing the lists in the same RUN', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      RUN apt-get update \\
      #^^ apt-lists-not-cleaned apt-get leaves its package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
          && apt-get install -y --no-install-recommends ca-certificates
      CMD ["/app"]
    `);
  });

  it('does not fire when the lists are removed, cached in a mount, or in a builder stage', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y build-essential
      FROM debian:12-slim AS cached
      RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl
      FROM cached
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    `);
  });
});
