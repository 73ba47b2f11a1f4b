import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('final-no-healthcheck', () => {
  it('fires on the EXPOSE of a final stage without HEALTHCHECK', () => {
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine
      EXPOSE 3000
      #^^^^^^^^^^ final-no-healthcheck The image serves a port but has no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one.
      CMD ["node", "server.js"]
    `);
  });

  it('does not fire with a HEALTHCHECK in the FROM chain, without EXPOSE, or on builder stages', () => {
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine AS base
      HEALTHCHECK CMD ["node", "health.js"]
      FROM base
      EXPOSE 3000
    `);
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine AS dev
      EXPOSE 9229
      FROM node:20-alpine
      CMD ["node", "job.js"]
    `);
  });
});
