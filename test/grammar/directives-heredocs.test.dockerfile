# SYNTAX TEST "source.dockerfile" "parser directives and heredoc bodies"
# syntax=docker/dockerfile:1
# <- punctuation.definition.directive.dockerfile
# ^^^^^^ keyword.other.directive.dockerfile
#       ^ keyword.operator.assignment.dockerfile
#        ^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile
# check=skip=JSONArgsRecommended
# ^^^^^ keyword.other.directive.dockerfile
#       ^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile
# an ordinary comment
# ^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile
# ^^^^^^^^^^^^^^^^^^^ - keyword.other.directive.dockerfile
FROM debian:bookworm-slim AS base
#                            ^^^^ entity.name.type.stage.dockerfile
RUN <<EOF
# <--- keyword.other.special-method.dockerfile
#   ^^ keyword.operator.heredoc.dockerfile
#     ^^^ entity.name.tag.heredoc.dockerfile
set -eu
# <--- meta.embedded.block.shellscript
apt-get update && apt-get install -y --no-install-recommends curl
# <------- meta.embedded.block.shellscript
#                                    ^^^^^^^^^^^^^^^^^^^^^^^ - variable.parameter.flag.dockerfile
EOF
# <--- entity.name.tag.heredoc.dockerfile
RUN --mount=type=cache,target=/var/cache/apt bash -e <<'SCRIPT'
#     ^^^^^ variable.parameter.flag.dockerfile
#                                            ^^^^ entity.name.command.shell.dockerfile
#                                                    ^^ keyword.operator.heredoc.dockerfile
#                                                       ^^^^^^ entity.name.tag.heredoc.dockerfile
echo "$HOME" --from=x
# <---- meta.embedded.block.shellscript
#              ^^^^ - variable.parameter.flag.dockerfile
SCRIPT
# <------ entity.name.tag.heredoc.dockerfile
RUN python3 <<PY
#   ^^^^^^^ entity.name.command.python.dockerfile
#             ^^ entity.name.tag.heredoc.dockerfile
print("hello")
# <----- meta.embedded.block.python
PY
# <-- entity.name.tag.heredoc.dockerfile
COPY --chmod=0644 <<EOF /etc/app.conf
#      ^^^^^ variable.parameter.flag.dockerfile
#                 ^^ keyword.operator.heredoc.dockerfile
#                   ^^^ entity.name.tag.heredoc.dockerfile
listen = 8080 --from=not-a-flag $NOT_EXPANDED
# <------------- string.unquoted.heredoc.dockerfile
#               ^^^^ - variable.parameter.flag.dockerfile
#                               ^^^^^^^^^^^^^ - variable.other.dockerfile
EOF
# <--- entity.name.tag.heredoc.dockerfile
USER app
# <---- keyword.other.special-method.dockerfile
# <---- - string.unquoted.heredoc.dockerfile
