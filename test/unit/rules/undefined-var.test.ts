import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';
import { lint } from '../../../server/src/engine/lint';
import { ModelBuilder } from '../../../server/src/model/model-builder';
import { RULES_BY_ID } from '../../../server/src/rules/index';

describe('undefined-var', () => {
  it('fires on variables no ARG or ENV defined before on an empty base, and on near misses of a declared name', () => {
    expectRule('undefined-var', dockerfile`
      FROM scratch AS base
      ENV APP_HOME=/srv/app
      COPY app.conf \${APP_DIR}/
      #             ^^^^^^^^^^ undefined-var 'APP_DIR' is not defined by an ARG or ENV before this line.
      FROM alpine:3.20
      ENV APP_HOME=/srv/app
      WORKDIR $APP_HOM
      #       ^^^^^^^^ undefined-var 'APP_HOM' is not defined by an ARG or ENV before this line; did you mean 'APP_HOME'?
    `);
  });

  it('fires on a global ARG used in a stage that does not declare it', () => {
    expectRule('undefined-var', dockerfile`
      ARG TARGET_GOOS
      FROM golang:1.23 AS builder
      ENV GOOS=\${TARGET_GOOS}
      #        ^^^^^^^^^^^^^^ undefined-var 'TARGET_GOOS' is declared before FROM but not in this stage, so it is empty here; add 'ARG TARGET_GOOS' to the stage.
    `);
  });

  it('fires on any undefined name when all the variables of the base image are known (an inspected image)', () => {
    const imageFacts = (image: string) => (image === 'node:20' ? { facts: { env: ['PATH', 'NODE_VERSION', 'YARN_VERSION'], envComplete: true }, source: 'docker image inspect node:20' } : null);
    expectRule('undefined-var', dockerfile`
      FROM node:20
      LABEL node=\$NODE_VERSION note='\$NOT_EXPANDED'
      ENV APP_PORT=\${PORT}
      #            ^^^^^^^ undefined-var 'PORT' is not defined by an ARG or ENV before this line.
    `, { imageFacts });
  });

  it('stays silent on a name the base image may set', () => {
    expectRule('undefined-var', dockerfile`
      ARG from_tag=slim
      FROM discourse/base:\${from_tag}
      COPY --from=templates /postgres.\${PG_MAJOR}.template.yml /pups/
      FROM nvidia/cuda:12.6.0-runtime-ubuntu22.04
      ENV LD_LIBRARY_PATH=/usr/local/cuda/compat:\$LD_LIBRARY_PATH
    `);
  });

  it('does not fire on defined, inherited, predefined or image variables, nor in shell commands', () => {
    expectRule('undefined-var', dockerfile`
      ARG VERSION=1
      FROM alpine:3.20 AS base
      ARG VERSION
      ARG TARGETARCH
      ENV APP_HOME=/srv/app PATH=/opt/bin:$PATH
      LABEL version=$VERSION arch=$TARGETARCH
      FROM base
      WORKDIR \${APP_HOME}/data
      RUN echo $NOT_CHECKED_IN_SHELL
    `);
  });

  it('checks a stage again when the stage it is built FROM changes, even though its own text did not', () => {
    const builder = new ModelBuilder();
    const version = (name: string) => `FROM scratch AS base\nENV ${name}=/srv/app\nFROM base\nWORKDIR $APP_HOME\n`;
    const messages = (text: string) => lint(builder.build(text), {}, [RULES_BY_ID.get('undefined-var')!]).problems.map((p) => p.message);
    assert.deepEqual(messages(version('APP_HOME')), []);
    assert.deepEqual(messages(version('APP_ROOT')), ["'APP_HOME' is not defined by an ARG or ENV before this line."]);
    assert.deepEqual(messages(version('APP_HOMES')), ["'APP_HOME' is not defined by an ARG or ENV before this line; did you mean 'APP_HOMES'?"]);
    assert.deepEqual(messages(version('APP_HOME')), []);
  });
});

