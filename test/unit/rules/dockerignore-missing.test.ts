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

  it('judges an assumed context (the Dockerfile folder) only when the build would use it', () => {
    // docker/Dockerfile built from the root with -f: the folder holds no project and not the files copied.
    const dockerFolder = { buildContext: { dockerignore: null, entries: ['Dockerfile', 'entrypoint.sh'], assumed: true } };
    expectRule('dockerignore-missing', 'FROM node:20\nCOPY . .\n', dockerFolder);
    expectRule('dockerignore-missing', 'FROM node:20\nCOPY package.json ./\nCOPY . .\n', { buildContext: { dockerignore: null, entries: ['Dockerfile', 'src'], assumed: true } });
    // The folder is a project, or holds what is copied by name: it is the context.
    expectRule('dockerignore-missing', dockerfile`
      FROM node:20
      COPY . .
      #^^^^^^^ dockerignore-missing
    `, { buildContext: { dockerignore: null, entries: ['Dockerfile', 'package.json', 'src', 'src/index.js'], assumed: true } });
    expectRule('dockerignore-missing', dockerfile`
      FROM node:20
      COPY entrypoint.sh /
      COPY . .
      #^^^^^^^ dockerignore-missing
    `, { buildContext: { dockerignore: null, entries: ['Dockerfile', 'entrypoint.sh'], assumed: true } });
  });
});
