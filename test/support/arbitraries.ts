import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** Pieces of real Dockerfile syntax, tricky ones included, to build random documents from. */
const FRAGMENTS = [
  'FROM golang:1.23 AS build',
  'FROM --platform=$BUILDPLATFORM node:20-alpine AS deps',
  'FROM build',
  'FROM scratch',
  'FROM ${BASE:-alpine}:${TAG}',
  'from alpine as Lower',
  'FROM',
  'FROM alpine AS',
  'ARG BASE=alpine',
  'ARG TOKEN',
  'ENV A=1 B="two words"',
  'ENV LEGACY value',
  'WORKDIR app',
  'WORKDIR /srv',
  'COPY . .',
  'COPY --from=build /out /out',
  'COPY --from=0 /a /b',
  'COPY --from=buidl /a /b',
  'COPY --from=',
  'COPY --link --chown=app:app --parents ./x /y/',
  'ADD --checksum=sha256:abc https://example.com/x /x',
  'ADD app.conf /etc/',
  'RUN --mount=type=cache,target=/root/.cache,from=build go build ./...',
  'RUN --mount=type=secret,id=npmrc,env=NPM_TOKEN npm ci',
  'RUN apt-get update && apt-get install -y curl',
  'RUN apk add curl',
  'RUN npm ci && npm run build',
  'RUN echo one \\',
  '  && echo two',
  '  # a comment inside a continuation',
  '',
  'RUN <<EOF',
  'echo heredoc',
  'EOF',
  'COPY <<-"EOT" /etc/motd',
  '\thello',
  '\tEOT',
  'RUN <<EOT bash',
  'CMD ["node", "server.js"]',
  'CMD node server.js',
  'CMD [ "echo", [ "nested" ] ]',
  'ENTRYPOINT ["/app"]',
  'USER root',
  'USER app',
  'EXPOSE 8080/TCP 127.0.0.1:80:80',
  'HEALTHCHECK CMD true',
  'MAINTAINER someone',
  'LABEL a=b',
  'SHELL ["/bin/bash", "-c"]',
  'ONBUILD RUN echo',
  'RUNN typo',
  '# dockerfile-stages ignore=image-unpinned # reason',
  '# hadolint ignore=DL3006',
  '# check=skip=all',
  '# escape=`',
  '# syntax=docker/dockerfile:1',
  'RUN echo `',
  '😀 ünïcödé ⟨⟩',
  '\u0000\u0001\u00ff',
  '\\',
  '`',
  '<<',
  '--mount=',
];

const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** A random document: fragments joined by LF or CRLF, sometimes without a final line break. */
export const randomDockerfile = fc
  .tuple(fc.array(fragment, { maxLength: 40 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, finalBreak]) => lines.join(crlf ? '\r\n' : '\n') + (finalBreak ? '\n' : ''));

const EXAMPLES = ['examples/node-service/Dockerfile', 'examples/go-api/Dockerfile', 'examples/python-worker/Dockerfile', 'examples/Dockerfile.mistakes'].map(
  (file) => readFileSync(file, 'utf8'),
);

/** A random edit of a real example: text deleted, inserted or replaced somewhere. */
export const editedExample = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 10 })))
  .map(([text, at, length, insert]) => {
    const start = at % (text.length + 1);
    return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
  });

export const anyDockerfile = fc.oneof(randomDockerfile, editedExample);
