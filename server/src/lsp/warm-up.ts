import { completeStages } from '../features/completion';
import { findDefinition } from '../features/definition';
import { lint } from '../engine/lint';
import { ModelBuilder } from '../model/model-builder';

/** A small multi-stage Dockerfile that walks the parser, the model and most rules. */
const SAMPLE = `# syntax=docker/dockerfile:1
ARG NODE_VERSION=20
FROM node:\${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
FROM deps AS build
COPY . .
RUN npm run build && \\
    # keep only what ships
    npm prune --omit=dev
FROM node:latest AS runtime
ENV NODE_ENV=production PORT=8080
RUN apt-get update && apt-get install -y curl
RUN <<EOF
echo ready > /tmp/ready
EOF
COPY --from=build /app/dist ./dist
COPY --from=deps /app/node_modules ./node_modules
EXPOSE 8080
CMD node dist/server.js
`;

/**
 * Runs the analysis on a sample in the idle time after start-up, one small round per turn of
 * the event loop, so that the code is compiled before the first keystroke instead of during it.
 * Requests that arrive meanwhile are served between rounds.
 */
export function warmUp(rounds = 150): void {
  const builder = new ModelBuilder();
  const copyFrom = { line: SAMPLE.split('\n').findIndex((line) => line.startsWith('COPY --from=build')), character: 12 };
  let round = 0;
  const step = (): void => {
    // A different last line each round, as typing does: the last stage is parsed again.
    const model = builder.build(`${SAMPLE}# ${round}\n`);
    lint(model);
    completeStages(model, copyFrom);
    findDefinition(model, { ...copyFrom, character: 14 });
    if (++round < rounds) setImmediate(step);
  };
  setImmediate(step);
}
