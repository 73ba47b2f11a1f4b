import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('permissions-after-copy', () => {
  it('fires on chown -R over copied folders and on chmod of a file another stage built, in the image that ships', () => {
    expectRule('permissions-after-copy', dockerfile`
      FROM node:20-slim
      WORKDIR /app
      COPY --from=build /app/dist ./dist
      COPY . .
      RUN chown -R node:node /app
      #   ^^^^^^^^^^^^^^^^^^^^^^^ permissions-after-copy 'chown' on /app, which the COPY at line 4 wrote, stores those files again in this layer; set it in the COPY with --chown=node:node.
      COPY --from=build /out/api /usr/local/bin/api
      RUN chmod 755 /usr/local/bin/api
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ permissions-after-copy 'chmod' on /usr/local/bin/api, which the COPY at line 6 wrote, stores those files again in this layer; set it in the COPY with --chmod=755.
      RUN chmod -R g+w dist/cache
      #   ^^^^^^^^^^^^^^^^^^^^^^^ permissions-after-copy 'chmod' on /app/dist/cache, which the COPY at line 4 wrote, stores those files again in this layer; set it in the COPY with --chmod=<octal mode>.
      CMD ["node", "dist/server.js"]
    `);
  });

  it('fires on a program of the context made executable, and says when the COPY already set the owner', () => {
    expectRule('permissions-after-copy', dockerfile`
      FROM alpine:3.20
      COPY shiori /usr/bin/shiori
      RUN chmod +x /usr/bin/shiori
      #   ^^^^^^^^^^^^^^^^^^^^^^^^ permissions-after-copy 'chmod' on /usr/bin/shiori, which the COPY at line 2 wrote, stores those files again in this layer; set it in the COPY with --chmod=<octal mode>.
      COPY --chown=1001:1001 . /opt/app
      RUN chown -R 1001:1001 /opt/app
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ permissions-after-copy 'chown' on /opt/app, which the COPY at line 4 wrote with --chown=1001:1001, stores those files again in this layer; set what it needs in that --chown and drop the chown.
      ENTRYPOINT ["/usr/bin/shiori"]
    `);
  });

  it('does not fire on small context files, folders without -R, files the RUN wrote, overlays of /, or builder stages', () => {
    expectRule('permissions-after-copy', dockerfile`
      FROM golang:1.23 AS build
      COPY . /src
      RUN chmod -R a+rX /src
      FROM debian:12-slim
      COPY docker-entrypoint.sh /usr/local/bin/
      RUN chmod 755 /usr/local/bin/docker-entrypoint.sh
      COPY --from=build /src /app
      RUN chmod 755 /app
      RUN curl -fsSLo /usr/local/bin/tini https://example.com/tini && chmod +x /usr/local/bin/tini
      COPY rootfs/ /
      RUN mkdir -p /data && chown -R 1000:1000 /data /var/lib/app
      COPY --chmod=755 run.sh /run.sh
      CMD ["/run.sh"]
    `);
  });
});
