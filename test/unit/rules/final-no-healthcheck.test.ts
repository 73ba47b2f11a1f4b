import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { dockerfile } from '../../support/fixtures';
import { applyRuleFix, expectRule, problemsOf } from '../../support/rule-harness';

describe('final-no-healthcheck', () => {
  it('fires on the EXPOSE of a shipped image that serves a port without HEALTHCHECK', () => {
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine
      EXPOSE 3000
      #^^^^^^^^^^ final-no-healthcheck Stage 1 (node:20-alpine) serves port 3000 but has no HEALTHCHECK, so \`docker run\` and Compose cannot tell a hung server from a healthy one. It ships because it is the last stage and it runs.
      CMD ["node", "server.js"]
    `);
  });

  it('offers the shell template on a base known to have a shell, and is silent on one with none to run a check', () => {
    const withShell = 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
    assert.equal(
      applyRuleFix('final-no-healthcheck', withShell, 'Add a HEALTHCHECK template'),
      'FROM node:20-alpine\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \\\n    CMD wget -q --spider http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n',
    );
    const distroless = 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nEXPOSE 8080\nCMD ["/app"]\n';
    // Distroless has no shell or HTTP client: such images are probed from outside (Kubernetes).
    assert.deepEqual(problemsOf('final-no-healthcheck', distroless), []);
  });

  it('does not fire with a HEALTHCHECK in the FROM chain, without EXPOSE, or on stages that do not ship', () => {
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine AS base
      HEALTHCHECK CMD ["node", "health.js"]
      FROM base
      EXPOSE 3000
      CMD ["node", "server.js"]
    `);
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine AS dev
      EXPOSE 9229
      CMD ["node", "--inspect", "server.js"]
      FROM node:20-alpine
      CMD ["node", "job.js"]
    `);
    // The last stage is a test run: nothing ships.
    expectRule('final-no-healthcheck', dockerfile`
      FROM node:20-alpine AS app
      EXPOSE 3000
      FROM app AS test
      RUN npm test
    `);
  });

  it('does not fire when compose runs the image as several processes, which no one check fits', () => {
    const service = (name: string, command: string) => ({ target: null, targetHasVariables: false, purpose: 'ship' as const, source: `compose.yaml:4, service ${name}`, command });
    const text = dockerfile`
      FROM python:3.13-slim
      EXPOSE 5000
      ENTRYPOINT ["/app/bin/docker-entrypoint"]
      CMD ["server"]
    `;
    expectRule('final-no-healthcheck', text, { uses: [service('server', 'server'), service('worker', 'worker'), service('scheduler', 'scheduler')] });
    assert.equal(problemsOf('final-no-healthcheck', text, { uses: [service('server', ''), service('web', '')] }).length, 1);
  });

  it('does not fire when compose checks the service health, or on Windows images', () => {
    expectRule('final-no-healthcheck', dockerfile`
      FROM python:3.12-slim
      EXPOSE 8000
      CMD ["gunicorn", "app:app"]
    `, { uses: [{ target: null, targetHasVariables: false, purpose: 'ship', source: 'compose.yaml:3, service api', healthChecked: true }] });
    expectRule('final-no-healthcheck', dockerfile`
      FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
      EXPOSE 8080
      ENTRYPOINT ["dotnet", "app.dll"]
    `);
  });

  it('reads the port through the variables of the EXPOSE', () => {
    const text = 'FROM alpine:3.20\nENV ND_PORT=4533\nEXPOSE ${ND_PORT}\nCMD ["/app/navidrome"]\n';
    assert.deepEqual(problemsOf('final-no-healthcheck', text).map((p) => p.message), [
      "Stage 1 (alpine:3.20) serves port 4533 but has no HEALTHCHECK, so `docker run` and Compose cannot tell a hung server from a healthy one. It ships because it is the last stage and it runs.",
    ]);
  });
});
