import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('copy-before-install', () => {
  it('fires on COPY . . before a dependency install in the same stage', () => {
    expectRule('copy-before-install', dockerfile`
      FROM node:20 AS build
      WORKDIR /app
      COPY . .
      #^^^^^^^ copy-before-install The whole context is copied before 'npm ci' (line 4), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN npm ci && npm run build
      FROM python:3.12-slim
      COPY ./ /srv/
      #^^^^^^^^^^^^ copy-before-install The whole context is copied before 'pip install' (line 7), so every source change re-installs dependencies; copy the manifest files first, install, then copy the rest.
      RUN pip install -r /srv/requirements.txt
    `);
  });

  it('does not fire when the manifests are copied and installed first', () => {
    expectRule('copy-before-install', dockerfile`
      FROM golang:1.23 AS build
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN go build -o /out/app .
      FROM alpine:3.20
      COPY --from=build . /x
      RUN apk add --no-cache curl
    `);
  });
});
