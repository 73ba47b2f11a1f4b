import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('instruction-invalid', () => {
  it('fires on unknown instructions, flags, missing arguments and instructions before FROM', () => {
    expectRule('instruction-invalid', dockerfile`
      RUN echo too early
      #^^ instruction-invalid RUN cannot come before the first FROM; only ARG can.
      FROM alpine:3.20
      COPY --user=me a b
      #    ^^^^^^^^^ instruction-invalid COPY has no flag --user.
      COPY onlyone
      #^^^^^^^^^^^ instruction-invalid COPY needs a source and a destination.
      RUNN echo typo
      #^^^ instruction-invalid Unknown instruction 'RUNN'.
    `);
  });

  it('does not fire on valid instructions and flags', () => {
    expectRule('instruction-invalid', dockerfile`
      ARG BASE=alpine:3.20
      FROM --platform=$BUILDPLATFORM \${BASE} AS build
      COPY --from=build --chown=1000:1000 --chmod=755 --link a /b
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x
      RUN --mount=type=cache,target=/root/.cache --network=none true
      HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD ["true"]
      COPY <<EOF /etc/motd
      hello
      EOF
    `);
  });

  it('does not fire on the lines of a template engine in a Dockerfile to render', () => {
    expectRule('instruction-invalid', dockerfile`
      FROM python:3.12-slim
      {% if cookiecutter.use_celery == "y" %}
      RUN pip install celery
      {%- endif %}
      {{ extra_instructions }}
      {# rendered by cookiecutter #}
      CMD ["python"]
    `);
  });
});
