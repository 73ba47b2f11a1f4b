import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('musl-glibc-mismatch', () => {
  it('fires on node_modules or a cgo binary from a glibc builder in an alpine runtime', () => {
    expectRule('musl-glibc-mismatch', dockerfile`
      FROM node:20 AS deps
      RUN npm ci --omit=dev
      FROM golang:1.23 AS build
      RUN go build -o /out/app .
      FROM node:20-alpine
      COPY --from=deps /app/node_modules ./node_modules
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ musl-glibc-mismatch Native files built on glibc (stage 'deps') are copied into a musl image; they will fail to load. Build on the same C library as the runtime.
      COPY --from=build /out/app /app
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ musl-glibc-mismatch Native files built on glibc (stage 'build') are copied into a musl image; they will fail to load. Build on the same C library as the runtime.
      CMD ["node", "server.js"]
    `);
  });

  it('does not fire on matching C libraries, static Go builds or plain files', () => {
    expectRule('musl-glibc-mismatch', dockerfile`
      FROM node:20-alpine AS deps
      RUN npm ci --omit=dev
      FROM golang:1.23 AS build
      RUN CGO_ENABLED=0 go build -o /out/app .
      FROM node:20 AS assets
      RUN npm run build
      FROM node:20-alpine
      COPY --from=deps /app/node_modules ./node_modules
      COPY --from=build /out/app /app
      COPY --from=assets /app/dist ./dist
    `);
  });
});
