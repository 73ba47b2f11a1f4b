# SYNTAX TEST "source.dockerfile" "stage names, flags and variables"
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
# <---- keyword.other.special-method.dockerfile
#    ^^ punctuation.definition.flag.dockerfile
#      ^^^^^^^^ variable.parameter.flag.dockerfile
#               ^^^^^^^^^^^^^^ variable.other.dockerfile
#                              ^^^^^^^^^^^ entity.name.type.base-image.dockerfile
#                                          ^^ keyword.other.special-method.dockerfile
#                                             ^^^^^ entity.name.type.stage.dockerfile
from node:20-alpine as web
# <---- keyword.other.special-method.dockerfile
#                   ^^ keyword.other.special-method.dockerfile
#                      ^^^ entity.name.type.stage.dockerfile
FROM build
#    ^^^^^ entity.name.type.base-image.dockerfile
#    ^^^^^ - entity.name.type.stage.dockerfile
FROM alpine:${ALPINE_VERSION:-3.20} AS runtime
#           ^^^^^^^^^^^^^^^^^^^^^^^ variable.other.dockerfile
#                           ^^ keyword.operator.expansion.dockerfile
#                                      ^^^^^^^ entity.name.type.stage.dockerfile
COPY --from=build --chown=app:app --chmod=0755 /out/app /usr/local/bin/app
#    ^^ punctuation.definition.flag.dockerfile
#      ^^^^ variable.parameter.flag.dockerfile
#          ^ keyword.operator.assignment.dockerfile
#           ^^^^^ entity.name.type.stage.dockerfile
#                   ^^^^^ variable.parameter.flag.dockerfile
#                         ^^^^^^^ string.unquoted.flag-value.dockerfile
#                                   ^^^^^ variable.parameter.flag.dockerfile
#                                              ^^^^^^^^ - variable.parameter.flag.dockerfile
#                                              ^^^^^^^^ - entity.name.type.stage.dockerfile
COPY --link --parents --exclude=*.md . /app/
#      ^^^^ variable.parameter.flag.dockerfile
#             ^^^^^^^ variable.parameter.flag.dockerfile
#                       ^^^^^^^ variable.parameter.flag.dockerfile
ADD --checksum=sha256:24454f830cdd --keep-git-dir https://example.com/app.git /app/
#     ^^^^^^^^ variable.parameter.flag.dockerfile
#                                    ^^^^^^^^^^^^ variable.parameter.flag.dockerfile
RUN --mount=type=cache,target=/root/.cache/go-build,from=build,sharing=locked go build ./...
#     ^^^^^ variable.parameter.flag.dockerfile
#           ^^^^ variable.parameter.option.dockerfile
#                ^^^^^ support.constant.mount-type.dockerfile
#                      ^^^^^^ variable.parameter.option.dockerfile
#                             ^^^^^^^^^^^^^^^^^^^^^ string.unquoted.option-value.dockerfile
#                                                   ^^^^ variable.parameter.option.dockerfile
#                                                        ^^^^^ entity.name.type.stage.dockerfile
#                                                              ^^^^^^^ variable.parameter.option.dockerfile
#                                                                             ^^^^^^^^ - variable.parameter.option.dockerfile
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN --network=none --security=sandbox npm ci
#                ^^^^^^ support.constant.mount-type.dockerfile
#                       ^^ variable.parameter.option.dockerfile
#                                    ^^^ variable.parameter.option.dockerfile
#                                                    ^^^^^^^ variable.parameter.flag.dockerfile
#                                                                   ^^^^^^^^ variable.parameter.flag.dockerfile
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 CMD wget -qO- http://localhost:8080/health || exit 1
#             ^^^^^^^^ variable.parameter.flag.dockerfile
#                            ^^^^^^^ variable.parameter.flag.dockerfile
#                                         ^^^^^^^^^^^^ variable.parameter.flag.dockerfile
#                                                           ^^^^^^^ variable.parameter.flag.dockerfile
ENV APP_HOME=/srv/app PATH=$APP_HOME/bin:$PATH
#                          ^^^^^^^^^ variable.other.dockerfile
#                                        ^^^^^ variable.other.dockerfile
#            ^^^^^^^^ - variable.other.dockerfile
# a comment that mentions --from=build and $VAR stays a comment
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile
#                           ^^^^ - variable.parameter.flag.dockerfile
#                                          ^^^^ - variable.other.dockerfile
