import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';
import type { BuildContext } from '../../../server/src/rules/rule';

function context(files: Record<string, string>): BuildContext {
  return { dockerignore: null, entries: Object.keys(files), readFile: (path) => files[path] ?? null };
}

describe('apt-lists-not-cleaned', () => {
  it('fires on apt-get update in a layer that ships without removing the lists in the same RUN', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      RUN apt-get update \\
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
          && apt-get install -y --no-install-recommends ca-certificates
      RUN set -eux; DEBIAN_FRONTEND=noninteractive apt-get -q update; apt-get install -y curl
      #                                            ^^^^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
      RUN apt-get update && apt-get install -y git
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
      RUN rm -rf /var/lib/apt/lists/*
      CMD ["/app"]
    `);
  });

  it('sees the lists removed however rm is written, by find -delete, or by distclean', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y curl && rm -Rf /var/lib/apt/lists/*
      RUN apt-get update && apt-get install -y curl && rm --recursive --force /var/lib/apt/lists
      RUN apt-get update && apt-get install -y ./x.deb && rm -rf x.deb /var/lib/apt/lists/*
      RUN apt-get update && apt-get install -y curl && apt-get distclean
      RUN apt-get update && apt-get install -y curl && find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists*
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib /var/cache
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/*
      CMD ["/app"]
    `);
  });

  it('reads the clean-up scripts of the build context the RUN runs', () => {
    const text = dockerfile`
      FROM debian:12-slim
      COPY docker/scripts/ /scripts/
      COPY setup.sh .
      RUN apt-get update && apt-get install -y --no-install-recommends curl && /scripts/cleanup.sh
      RUN apt-get update && apt-get install -y --no-install-recommends jq && bash ./setup.sh
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
      RUN --mount=type=bind,source=tools,target=/tools apt-get update && apt-get install -y --no-install-recommends git && . /tools/tidy.sh
      CMD ["curl", "--version"]
    `;
    expectRule('apt-lists-not-cleaned', text, {
      buildContext: context({ 'docker/scripts/cleanup.sh': '#!/bin/sh\nset -e\napt-get clean\nrm -rf /var/lib/apt/lists/* /tmp/*\n', 'setup.sh': '#!/bin/sh\nmkdir -p /srv/app\n', 'tools/tidy.sh': 'rm -rf /var/lib/apt/lists\n' }),
    });
  });

  it('stays silent on a context script it cannot read, and reports scripts from elsewhere', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      COPY cleanup.sh /usr/local/bin/
      RUN apt-get update && apt-get install -y --no-install-recommends curl && cleanup.sh && /usr/local/bin/cleanup.sh
      RUN apt-get update && apt-get install -y --no-install-recommends jq && /opt/vendor/post-install.sh
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
      CMD ["curl", "--version"]
    `);
  });

  it('does not take a folder inside the lists, or next to them, for the lists', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/partial /var/lib/dpkg/info/*.md5sums
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer; end the same RUN with 'rm -rf /var/lib/apt/lists/*'.
      CMD ["/app"]
    `);
  });

  it('does not fire with a tmpfs or cache mount over the lists or a folder above them', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim
      RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl
      RUN --mount=type=cache,target=/var/lib apt-get update && apt-get install -y --no-install-recommends wget
      CMD ["/app"]
    `);
  });

  it('does not fire without apt-get update, with a cache mount, in a builder stage, or under PowerShell', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y build-essential
      FROM debian:12-slim AS cached
      RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends curl
      RUN apt-get install -y --no-install-recommends ./local.deb
      RUN echo "apt-get update" > /notes.txt
      CMD ["/app"]
    `);
  });

  it('says which later RUN installs from the lists, in the stage or in a stage built on it', () => {
    expectRule('apt-lists-not-cleaned', dockerfile`
      FROM debian:12-slim AS base
      RUN apt-get update
      #   ^^^^^^^^^^^^^^ apt-lists-not-cleaned apt-get update leaves the package lists in this layer, and the RUN at line 4 installs from them; run apt-get update in the RUN that installs and end that RUN with 'rm -rf /var/lib/apt/lists/*'.
      FROM base
      RUN apt-get install -y --no-install-recommends curl
      CMD ["curl"]
    `);
  });
});
