import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { applyRuleFix, expectRule } from '../../support/rule-harness';

describe('arg-not-in-stage', () => {
  it('fires on a global ARG a RUN uses without declaring it again', () => {
    expectRule('arg-not-in-stage', dockerfile`
      ARG APP_VERSION=1.4.2
      FROM alpine:3.20
      RUN wget -O /tmp/app.tgz https://example.com/app-$APP_VERSION.tgz && tar -xzf /tmp/app.tgz -C /opt
      #                                                ^^^^^^^^^^^^ arg-not-in-stage 'APP_VERSION' is declared before FROM but not in this stage, so it is empty in this RUN; add 'ARG APP_VERSION' to the stage.
    `);
  });

  it('fires on a platform argument, which BuildKit defines before FROM only', () => {
    expectRule('arg-not-in-stage', dockerfile`
      FROM debian:bookworm-slim
      RUN curl -fsSLo /usr/local/bin/tool "https://example.com/tool-linux-\${TARGETARCH}" && chmod +x /usr/local/bin/tool
      #                                                                   ^^^^^^^^^^^^^ arg-not-in-stage 'TARGETARCH' is declared before FROM (BuildKit sets it there) but not in this stage, so it is empty in this RUN; add 'ARG TARGETARCH' to the stage.
    `);
  });

  it('fires on an ARG of another stage, and on a name the stage sets only after the RUN', () => {
    expectRule('arg-not-in-stage', dockerfile`
      FROM golang:1.23 AS build
      ARG GIT_COMMIT=unknown
      RUN go build -ldflags "-X main.commit=$GIT_COMMIT" -o /out/app .
      FROM alpine:3.20
      RUN echo "$GIT_COMMIT" > /etc/app-commit
      #         ^^^^^^^^^^^ arg-not-in-stage 'GIT_COMMIT' is declared in stage 'build' but not in this stage, so it is empty in this RUN; add 'ARG GIT_COMMIT' to the stage.
      RUN mkdir -p "$APP_HOME"
      #             ^^^^^^^^^ arg-not-in-stage 'APP_HOME' is set only later in this stage (line 7), so it is empty in this RUN; set it before.
      ENV APP_HOME=/srv/app
    `);
  });

  it('does not fire on names the stage declares, inherits or sets in the script, nor on handled empties', () => {
    expectRule('arg-not-in-stage', dockerfile`
      ARG VERSION=1
      ARG BASE_FLAGS=-O2
      FROM alpine:3.20 AS base
      ARG VERSION
      ENV APP_HOME=/srv/app
      FROM base
      RUN echo "$VERSION" > "$APP_HOME/version"
      RUN for CFLAGS in a b; do echo $CFLAGS; done; arch="$(uname -m)"; echo $arch
      RUN echo "\${BASE_FLAGS:-none}" "\${#BASE_FLAGS}"
      RUN ["sh", "-c", "echo $BASE_FLAGS"]
      RUN echo $HOME $PATH
    `);
  });

  it('leaves the names the base image may set to it', () => {
    expectRule('arg-not-in-stage', dockerfile`
      ARG NODE_VERSION=20
      ARG NODE_IMAGE=node:\${NODE_VERSION}-alpine
      FROM \${NODE_IMAGE}
      RUN echo "built on node $NODE_VERSION"
      FROM eclipse-temurin:21-jdk AS jdk
      ENV JAVA_HOME=/opt/java/openjdk
      FROM maven:3.9-eclipse-temurin-21
      RUN "$JAVA_HOME/bin/java" -version
    `);
  });

  it('knows every variable of an inspected image: an ENV of another stage is then reported', () => {
    const imageFacts = (image: string) => (image === 'alpine:3.20' ? { facts: { env: ['PATH'], envComplete: true }, source: 'docker image inspect alpine:3.20' } : null);
    expectRule('arg-not-in-stage', dockerfile`
      FROM alpine:3.20 AS tools
      ENV TOOLS_DIR=/opt/tools
      FROM alpine:3.20
      RUN ls $TOOLS_DIR
      #      ^^^^^^^^^^ arg-not-in-stage 'TOOLS_DIR' is declared in stage 'tools' but not in this stage, so it is empty in this RUN; add 'ARG TOOLS_DIR' to the stage.
    `, { imageFacts });
  });

  it('declares the argument on the line before the RUN, keeping the line ends', () => {
    const text = 'ARG APP_VERSION=1.4.2\r\nFROM alpine:3.20\r\n  RUN echo $APP_VERSION > /version\r\n';
    assert.equal(
      applyRuleFix('arg-not-in-stage', text, 'Declare ARG APP_VERSION in this stage'),
      'ARG APP_VERSION=1.4.2\r\nFROM alpine:3.20\r\n  ARG APP_VERSION\r\n  RUN echo $APP_VERSION > /version\r\n',
    );
  });
});
