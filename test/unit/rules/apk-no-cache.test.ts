import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('apk-no-cache', () => {
  it('fires on apk add without --no-cache in the final stage', () => {
    expectRule('apk-no-cache', dockerfile`
      FROM alpine:3.20
      RUN apk add curl
      #   ^^^^^^^^^^^^ apk-no-cache apk add keeps its package index in this layer; use 'apk add --no-cache'.
      RUN apk add --virtual .build-deps gcc musl-dev && pip install uwsgi && apk del .build-deps
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ apk-no-cache apk add keeps its package index in this layer; use 'apk add --no-cache'.
      CMD ["curl", "--version"]
    `);
  });

  it('does not fire with --no-cache, a cache mount, a cleanup, or in a builder stage', () => {
    expectRule('apk-no-cache', dockerfile`
      FROM alpine:3.20 AS build
      RUN apk add build-base
      FROM alpine:3.20
      RUN apk add --no-cache curl
      RUN --mount=type=cache,target=/var/cache/apk apk add jq
      RUN apk add git && rm -rf /var/cache/apk/*
      RUN apk add git && apk cache clean
      RUN echo "apk add curl" > /notes
      COPY --from=build /x /x
      CMD ["curl", "--version"]
    `);
  });

  it('reads apk update as writing the index, and apk add --no-network as fetching none', () => {
    expectRule('apk-no-cache', dockerfile`
      FROM alpine:3.20
      RUN apk update && apk add --no-cache curl
      #   ^^^^^^^^^^ apk-no-cache apk update keeps the package index in this layer; end the same RUN with 'rm -rf /var/cache/apk/*', or drop it and use 'apk add --no-cache', which fetches the index and keeps none.
      RUN apk add --no-cache --virtual .deps gcc && apk add --no-network --virtual .run-deps so:libc.musl-x86_64.so.1 && apk del .deps
      RUN apk update && apk add curl && rm -rf /var/cache/apk/*
      CMD ["curl", "--version"]
    `);
  });
});
