import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('copy-from-no-chown', () => {
  it('fires on COPY --from after a non-root USER without --chown, into a folder the process writes to', () => {
    expectRule('copy-from-no-chown', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20
      USER app
      COPY --from=build /out/seed /var/lib/app/data
      #^^^ copy-from-no-chown COPY writes /var/lib/app/data owned by root even after 'USER app', so the process cannot write there; add --chown=app.
      WORKDIR /srv
      COPY --from=build /out/cache ./cache/
      #^^^ copy-from-no-chown COPY writes ./cache/ owned by root even after 'USER app', so the process cannot write there; add --chown=app.
      CMD ["/app"]
    `);
  });

  it('does not fire on executables and read-only assets: root-owned is the safer state', () => {
    expectRule('copy-from-no-chown', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20
      USER 999
      COPY --from=build /go/src/app/dist/argocd /usr/local/bin/argocd
      WORKDIR /app
      COPY --from=build /home/kuma/uptime-kuma-push ./uptime-kuma-push
      COPY --from=build /out/static /usr/share/nginx/html
      CMD ["/app"]
    `);
  });

  it('does not fire with --chown, before USER, for context copies or in builder stages', () => {
    expectRule('copy-from-no-chown', dockerfile`
      FROM golang:1.23 AS build
      USER builder
      COPY --from=0 /x /x
      FROM alpine:3.20
      COPY --from=build /out/app /app
      USER app
      COPY --from=build --chown=app:app /out/data /data
      COPY config.yml /etc/app/
    `);
  });
});
