import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/engine/lint';
import { applyEdits } from '../../../server/src/engine/text-edits';
import { convertToMultiStage } from '../../../server/src/features/convert-multi-stage';
import { buildModel } from '../../../server/src/model/model-builder';
import { dockerfile } from '../../support/fixtures';

function convert(text: string): string {
  const conversion = convertToMultiStage(buildModel(text));
  if (!conversion) throw new Error('no conversion offered');
  return applyEdits(text, conversion.edits);
}
const ruleIds = (text: string) => lint(buildModel(text)).problems.map((p) => p.ruleId);

describe('convert to a multi-stage build', () => {
  it('Go: a static build, shipped on distroless nonroot with the run instructions', () => {
    const text = dockerfile`
      FROM golang:1.23
      WORKDIR /src
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN go build -o /out/api ./cmd/api
      EXPOSE 8080
      ENTRYPOINT ["/out/api"]
    `;
    const converted = convert(text);
    assert.equal(
      converted,
      dockerfile`
        FROM golang:1.23 AS build
        ENV CGO_ENABLED=0
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /out/api ./cmd/api

        FROM gcr.io/distroless/static-debian12:nonroot AS runtime
        COPY --from=build /out/api /out/api
        EXPOSE 8080
        ENTRYPOINT ["/out/api"]
      `,
    );
    assert.ok(ruleIds(text).includes('image-heavy-runtime'));
    assert.ok(!ruleIds(converted).some((id) => ['image-heavy-runtime', 'final-user-root', 'stage-ref-unknown'].includes(id)));
  });

  it('Node.js: production dependencies and the build output on the slim image, as user node', () => {
    const text = dockerfile`
      FROM node:20
      WORKDIR /app
      COPY package*.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
      CMD ["node", "dist/server.js"]
    `;
    assert.equal(
      convert(text),
      dockerfile`
        FROM node:20 AS build
        WORKDIR /app
        COPY package*.json ./
        RUN npm ci
        COPY . .
        RUN npm run build

        FROM node:20-slim AS runtime
        WORKDIR /app
        ENV NODE_ENV=production
        COPY --from=build /app/package*.json ./
        RUN npm ci --omit=dev
        COPY --from=build /app/dist ./dist
        USER node
        CMD ["node", "dist/server.js"]
      `,
    );
  });

  it('Python: a virtualenv built in the first stage, copied into the slim image', () => {
    const converted = convert('FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "-m", "app"]\n');
    assert.equal(
      converted,
      'FROM python:3.12 AS build\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n\nFROM python:3.12-slim AS runtime\nCOPY --from=build /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nWORKDIR /app\nCOPY . .\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["python", "-m", "app"]\n',
    );
    assert.ok(!ruleIds(converted).includes('final-user-root'));
  });

  it('is not offered for multi-stage files, unknown ecosystems or what it cannot read', () => {
    assert.equal(convertToMultiStage(buildModel('FROM golang:1.23 AS a\nFROM alpine:3.20\n')), null);
    assert.equal(convertToMultiStage(buildModel('FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n')), null);
    assert.equal(convertToMultiStage(buildModel('FROM golang:1.23\nRUN go build ./...\n')), null);
    assert.equal(convertToMultiStage(buildModel('FROM ${BASE}\n')), null);
  });
});
