import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import assert from '../../support/assert';
import { expectRule, problemsOf } from '../../support/rule-harness';

describe('run-consecutive', () => {
  it('fires once per group of chainable RUNs in the final stage, over the whole group', () => {
    const text = dockerfile`
      FROM debian:12-slim
      RUN apt-get update
      RUN apt-get install -y --no-install-recommends curl
      RUN rm -rf /var/lib/apt/lists/*
      COPY app /app
      RUN chmod +x /app
      CMD ["/app"]
    `;
    assert.deepEqual(
      problemsOf('run-consecutive', text).map((p) => [p.range, p.message]),
      [[{ start: { line: 1, character: 0 }, end: { line: 3, character: 31 } }, "3 consecutive RUN instructions in stage '#0' make 3 layers; chain them into one RUN with &&."]],
    );
  });

  it('fires on two RUNs with the same cache mount', () => {
    const text = dockerfile`
      FROM alpine:3.20
      RUN --mount=type=cache,target=/var/cache/apk apk add curl
      RUN --mount=type=cache,target=/var/cache/apk apk add jq
      CMD ["sh"]
    `;
    assert.deepEqual(
      problemsOf('run-consecutive', text).map((p) => [p.ruleId, p.range]),
      [['run-consecutive', { start: { line: 1, character: 0 }, end: { line: 2, character: 55 } }]],
    );
  });

  it('does not fire on builder stages, RUNs with different flags, heredocs or exec forms', () => {
    expectRule('run-consecutive', dockerfile`
      FROM golang:1.23 AS build
      RUN go mod download
      RUN go build -o /out/app .
      FROM alpine:3.20
      RUN --mount=type=cache,target=/var/cache/apk apk add curl
      RUN echo done
      RUN <<EOF
      echo heredoc
      EOF
      RUN ["echo", "exec"]
      COPY --from=build /out/app /app
    `);
  });
});
