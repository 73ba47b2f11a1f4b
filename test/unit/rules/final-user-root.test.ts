import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import assert from '../../support/assert';
import { applyRuleFix, expectRule, problemsOf } from '../../support/rule-harness';

describe('final-user-root', () => {
  it('fires on a server image that ships without USER on a base known to run as root, on its FROM line', () => {
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      FROM alpine:3.20 AS runtime
      #^^^^^^^^^^^^^^^^^^^^^^^^^^ final-user-root Stage 'runtime' runs as root: no USER is set and alpine:3.20 runs as root by default. Add a non-root USER before CMD/ENTRYPOINT. It ships because it is the last stage and it runs.
      COPY --from=build /out/app /app
      EXPOSE 8080
      CMD ["/app"]
    `);
  });

  it('fires on a server with no EXPOSE: its command starts one or listens', () => {
    expectRule('final-user-root', dockerfile`
      FROM python:3.12-slim
      #^^^^^^^^^^^^^^^^^^^^ final-user-root Stage 1 (python:3.12-slim) runs as root: no USER is set and python:3.12-slim runs as root by default. Add a non-root USER before CMD/ENTRYPOINT. It ships because it is the last stage and it runs.
      COPY . /app
      CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
    `);
  });

  it('does not fire on tools: a CLI, a shell, a prompt, a toolbox to exec into', () => {
    for (const command of ['ENTRYPOINT ["/usr/local/bin/flux-cli"]', 'CMD ["pwsh"]', 'CMD ["php", "-a"]', 'CMD ["sh", "-c", "sleep infinity"]']) {
      assert.deepEqual(problemsOf('final-user-root', `FROM alpine:3.20\nUSER root\n${command}\n`), [], command);
    }
  });

  it('does not fire on servers whose master starts as root and runs its workers as another user, or on cron', () => {
    for (const command of ['CMD ["apache2-foreground"]', 'CMD ["php-fpm"]', 'CMD ["nginx", "-g", "daemon off;"]', 'CMD ["crond", "-f"]', 'CMD ([ -z "$CRON_MIN" ] || cron) && . /etc/apache2/envvars && exec apache2 -D FOREGROUND']) {
      assert.deepEqual(problemsOf('final-user-root', `FROM debian:12-slim\nRUN apt-get update\nEXPOSE 80\n${command}\n`), [], command);
    }
  });

  it('fires when the last USER is root, also through a build argument', () => {
    expectRule('final-user-root', dockerfile`
      FROM node:20-alpine
      USER node
      RUN id
      USER 0:0
      #^^^^^^^ final-user-root Stage 1 (node:20-alpine) runs as '0:0': switch to a non-root USER after the steps that need root. It ships because it is the last stage and it runs.
      CMD ["node", "server.js"]
    `);
    expectRule('final-user-root', dockerfile`
      FROM node:20-alpine
      ARG RUNTIME_USER=0
      USER \${RUNTIME_USER}
      #^^^^^^^^^^^^^^^^^^^ final-user-root Stage 1 (node:20-alpine) runs as '0': switch to a non-root USER after the steps that need root. It ships because it is the last stage and it runs.
      CMD ["node", "server.js"]
    `);
  });

  it('puts the non-root USER after a USER root that follows the command', () => {
    const text = 'FROM golang:1.23 AS build\nENTRYPOINT ["/app"]\nUSER root\n';
    const fixed = applyRuleFix('final-user-root', text);
    assert.equal(fixed, 'FROM golang:1.23 AS build\nENTRYPOINT ["/app"]\nUSER root\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\n');
    assert.deepEqual(problemsOf('final-user-root', fixed), []);
  });

  it('looks at every stage the workspace ships, not at the last stage', () => {
    expectRule(
      'final-user-root',
      dockerfile`
      FROM python:3.12-slim AS release
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ final-user-root Stage 'release' runs as root: no USER is set and python:3.12-slim runs as root by default. Add a non-root USER before CMD/ENTRYPOINT. It ships because compose.yaml:4, service api ships it.
      EXPOSE 8000
      CMD ["gunicorn", "app:app"]
      FROM release AS dev
      USER root
      RUN pip install debugpy
    `,
      { uses: [{ target: 'release', targetHasVariables: false, purpose: 'ship', source: 'compose.yaml:4, service api' }] },
    );
  });

  it('does not fire on builder stages, a non-root USER in the FROM chain, or non-root base images', () => {
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      RUN go build -o /out/app .
      FROM alpine:3.20 AS base
      USER 65532:65532
      FROM base AS runtime
      COPY --from=build /out/app /app
      CMD ["/app"]
    `);
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS build
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out/app /app
      EXPOSE 8080
      ENTRYPOINT ["/app"]
    `);
  });

  it('stays silent when it cannot know or when root is by design', () => {
    // An image nothing knows may set its own USER.
    expectRule('final-user-root', dockerfile`
      FROM myorg/base:1.4
      EXPOSE 80
      CMD ["serve"]
    `);
    // A user from an ARG that whoever builds sets.
    expectRule('final-user-root', dockerfile`
      FROM alpine:3.20
      ARG APP_USER
      USER \${APP_USER}
      CMD ["serve"]
    `);
    // nginx starts as root and its workers run as nginx; su-exec and gosu entrypoints drop root.
    expectRule('final-user-root', dockerfile`
      FROM nginx:1.27-alpine
      COPY dist /usr/share/nginx/html
    `);
    expectRule('final-user-root', dockerfile`
      FROM alpine:3.20
      RUN apk add --no-cache su-exec
      EXPOSE 8384
      ENTRYPOINT ["/entrypoint.sh"]
    `);
    // A command-line tool image, Windows, a check stage and a dev image.
    expectRule('final-user-root', dockerfile`
      FROM ruby:3.3-alpine
      ENTRYPOINT ["kamal"]
    `);
    expectRule('final-user-root', dockerfile`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      EXPOSE 80
      CMD ["app.exe"]
    `);
    expectRule('final-user-root', dockerfile`
      FROM golang:1.23 AS test
      RUN go test ./...
      CMD ["go", "test"]
    `);
    expectRule(
      'final-user-root',
      dockerfile`
      FROM python:3.12
      EXPOSE 8000
      CMD ["flask", "run"]
    `,
      { fileName: 'Dockerfile.dev' },
    );
  });

  it('checks the chosen target, whatever the last stage is', () => {
    expectRule(
      'final-user-root',
      dockerfile`
      FROM alpine:3.20 AS runtime
      USER app
      CMD ["serve"]
      FROM runtime AS test
      USER root
    `,
      { target: 'runtime' },
    );
  });
});
