# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended
ARG GO_VERSION=1.25
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod,sharing=locked \
    --mount=type=bind,source=go.mod,target=go.mod \
    go mod download
RUN <<EOF
set -eu
echo "building for $TARGETPLATFORM"
EOF

FROM gcr.io/distroless/static-debian12:nonroot AS runtime
COPY --from=build --chown=nonroot:nonroot --chmod=0755 /out/app /app
COPY <<EOF /etc/app.conf
listen = 8080
EOF
USER nonroot:nonroot
ENTRYPOINT ["/app"]
