import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

const context = { buildContext: { dockerignore: 'dist\n*.md\n', entries: [] } };

describe('copy-ignored-file', () => {
  it('fires on sources that .dockerignore excludes', () => {
    expectRule('copy-ignored-file', dockerfile`
      FROM nginx:1.27-alpine
      COPY dist /usr/share/nginx/html
      #    ^^^^ copy-ignored-file 'dist' is excluded by .dockerignore, so COPY will not find it.
      ADD CHANGELOG.md /docs/
      #   ^^^^^^^^^^^^ copy-ignored-file 'CHANGELOG.md' is excluded by .dockerignore, so ADD will not find it.
    `, context);
  });

  it('judges a source built from variables with the values the build gives them', () => {
    expectRule('copy-ignored-file', dockerfile`
      FROM nginx:1.27-alpine
      ARG OUT=dist
      ARG FROM_CLI
      COPY \${OUT}/ /usr/share/nginx/html
      #    ^^^^^^^ copy-ignored-file 'dist/' is excluded by .dockerignore, so COPY will not find it.
      COPY \${FROM_CLI}/site /srv/
    `, context);
  });

  it('does not fire on the whole context, stage copies or without a .dockerignore', () => {
    expectRule('copy-ignored-file', dockerfile`
      FROM nginx:1.27-alpine AS site
      COPY . /srv/
      COPY --from=site /dist /x
    `, context);
    expectRule('copy-ignored-file', 'FROM alpine:3.20\nCOPY dist /x\n', { buildContext: { dockerignore: null, entries: [] } });
  });

  it('does not judge sources when the .dockerignore has exceptions, as BuildKit does', () => {
    expectRule('copy-ignored-file', dockerfile`
      FROM nginx:1.27-alpine
      COPY README.md /srv/
      COPY docs/guide.md /srv/
    `, { buildContext: { dockerignore: '*.md\ndocs\n!README.md\n', entries: [] } });
  });
});
