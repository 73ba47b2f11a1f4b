import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

const noIgnore = { buildContext: { dockerignore: null, entries: ['src', 'package.json'] } };

describe('dockerignore-missing', () => {
  it('fires once, on the first whole-context copy, when the context has no .dockerignore', () => {
    expectRule('dockerignore-missing', dockerfile`
      FROM node:20 AS build
      COPY package.json ./
      COPY . .
      #^^^^^^^ dockerignore-missing This copies the whole build context and there is no .dockerignore: .git, node_modules, build output and local secrets all go into the build. Add a .dockerignore.
      FROM node:20-slim
      COPY ./ /app
    `, noIgnore);
  });

  it('does not fire with a .dockerignore, without a whole-context copy, or when the context is unknown', () => {
    expectRule('dockerignore-missing', 'FROM node:20\nCOPY . .\n', { buildContext: { dockerignore: '.git\n', entries: [] } });
    expectRule('dockerignore-missing', 'FROM node:20\nCOPY package.json src/ ./\n', noIgnore);
    expectRule('dockerignore-missing', 'FROM node:20\nCOPY . .\n');
  });
});
