import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { documentLinks } from '../../../server/src/features/document-links';
import { buildModel } from '../../../server/src/model/model-builder';

describe('document links', () => {
  it('links base images and COPY --from images to their registry pages, not stages or variables', () => {
    const text = [
      'FROM golang:1.25 AS build',
      'FROM ghcr.io/acme/tools:1 AS tools',
      'FROM build AS test',
      'FROM ${IMAGE}',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=nginx:1.28-alpine /etc/nginx /etc/nginx',
      'COPY --from=bitnami/kubectl:1.31 /opt/bitnami/kubectl/bin/kubectl /usr/local/bin/',
      'FROM mcr.microsoft.com/dotnet/aspnet:9.0',
      'FROM quay.io/prometheus/busybox:latest',
      'FROM registry.example.com/team/app:1',
    ].join('\n');
    assert.deepEqual(
      documentLinks(buildModel(text)).map((link) => [link.range.start.line, link.range.start.character, link.range.end.character, link.target]),
      [
        [0, 5, 11, 'https://hub.docker.com/_/golang'],
        [1, 5, 23, 'https://ghcr.io/acme/tools'],
        [4, 5, 38, 'https://gcr.io/distroless/static-debian12'],
        [5, 12, 17, 'https://hub.docker.com/_/nginx'],
        [6, 12, 27, 'https://hub.docker.com/r/bitnami/kubectl'],
        [7, 5, 36, 'https://mcr.microsoft.com/artifact/mar/dotnet/aspnet'],
        [8, 5, 31, 'https://quay.io/repository/prometheus/busybox'],
      ],
    );
  });
});
