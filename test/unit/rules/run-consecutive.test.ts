import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import assert from '../../support/assert';
import { expectRule, problemsOf } from '../../support/rule-harness';

describe('run-consecutive', () => {
  it('fires when apt-get update is split from the install, over the two RUNs', () => {
    const text = dockerfile`
      FROM debian:12-slim
      RUN apt-get update
      RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      CMD ["/app"]
    `;
    assert.deepEqual(problemsOf('run-consecutive', text).map((p) => [p.ruleId, p.range, p.message]), [
      ['run-consecutive',
        { start: { line: 1, character: 0 }, end: { line: 2, character: 82 } },
        'apt-get update runs in its own RUN (line 2): when the install below changes, the build reuses stale package lists from its cache. Update and install in one RUN.',
      ],
    ]);
  });

  it('fires when a later RUN cleans up or re-permissions what an earlier one made', () => {
    const text = dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl
      RUN rm -rf /var/lib/apt/lists/*
      COPY app /app
      RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool
      RUN chmod +x /usr/local/bin/tool
      COPY notes /notes
      RUN echo first step > /steps.txt
      RUN echo second step >> /steps.txt
      CMD ["/app"]
    `;
    assert.deepEqual(problemsOf('run-consecutive', text).map((p) => [p.range.start.line, p.range.end.line, p.message]), [
      [1, 2, 'The RUN on line 3 removes or changes files the RUN on line 2 made, but their layer still ships them; chain them into one RUN with &&.'],
      [4, 5, 'The RUN on line 6 removes or changes files the RUN on line 5 made, but their layer still ships them; chain them into one RUN with &&.'],
      [7, 8, 'The RUN on line 9 removes or changes files the RUN on line 8 made, but their layer still ships them; chain them into one RUN with &&.'],
    ]);
  });

  it('fires on a row of three or more RUNs of small commands', () => {
    const text = dockerfile`
      FROM alpine:3.20
      RUN addgroup -S app
      RUN adduser -S -G app app
      RUN mkdir -p /data && chown app /data
      CMD ["sh"]
    `;
    assert.deepEqual(problemsOf('run-consecutive', text).map((p) => [p.range.start.line, p.range.end.line, p.message]), [
      [1, 3, 'These 3 RUNs in a row of small commands (addgroup, adduser, mkdir, chown) in stage 1 make 3 layers; chain them into one RUN with &&.'],
    ]);
  });

  it('does not fire where chaining saves nothing, in builder stages, across flags, heredocs, exec forms or PowerShell', () => {
    expectRule('run-consecutive', dockerfile`
      FROM golang:1.23 AS build
      RUN apt-get update
      RUN apt-get install -y git
      FROM alpine:3.20
      RUN apk add --no-cache curl
      RUN curl -fsSL https://example.com/install.sh | sh
      RUN --mount=type=cache,target=/var/cache/apk apk add jq
      RUN rm -rf /var/cache/apk/*
      RUN <<EOF
      echo heredoc
      EOF
      RUN ["echo", "exec"]
      RUN addgroup -S app
      RUN adduser -S -G app app
      COPY --from=build /out/app /app
      CMD ["/app"]
    `);
    expectRule('run-consecutive', dockerfile`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN Invoke-WebRequest https://example.com/x.zip -OutFile x.zip
      RUN Expand-Archive x.zip; Remove-Item x.zip
      RUN setx PATH "$env:PATH;C:\\\\x"
      CMD ["x.exe"]
    `);
  });
});
