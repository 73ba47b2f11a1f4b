import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('add-instead-of-copy', () => {
  it('fires on ADD of local files', () => {
    expectRule('add-instead-of-copy', dockerfile`
      FROM alpine:3.20
      ADD app.conf /etc/app.conf
      #^^ add-instead-of-copy ADD copies local files here; use COPY, which does only that (ADD also fetches URLs and unpacks archives).
      add ["src/", "/app/"]
      #^^ add-instead-of-copy ADD copies local files here; use COPY, which does only that (ADD also fetches URLs and unpacks archives).
    `);
  });

  it('does not fire on archives, URLs, git repositories, heredocs or COPY', () => {
    expectRule('add-instead-of-copy', dockerfile`
      FROM alpine:3.20
      ADD rootfs.tar.gz /
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/bin/tool
      ADD https://github.com/moby/buildkit.git#v0.14.1 /src
      ADD git@github.com:acme/private.git /src2
      COPY app.conf /etc/app.conf
    `);
  });
});
