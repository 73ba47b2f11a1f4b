import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('apt-no-install-recommends', () => {
  it('fires on apt-get install without --no-install-recommends in the final stage', () => {
    expectRule('apt-no-install-recommends', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^ apt-no-install-recommends apt-get install without --no-install-recommends installs recommended packages this image does not need.
      RUN DEBIAN_FRONTEND=noninteractive apt-get -y install git
      #                                  ^^^^^^^^^^^^^^^^^^^^^^ apt-no-install-recommends apt-get install without --no-install-recommends installs recommended packages this image does not need.
      CMD ["curl", "--version"]
    `);
  });

  it('does not fire with the flag, the APT option, or in a builder stage', () => {
    expectRule('apt-no-install-recommends', dockerfile`
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y build-essential
      FROM debian:12-slim
      RUN apt-get install -y --no-install-recommends curl
      RUN apt-get -o APT::Install-Recommends=false install -y jq
      RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends
      RUN apt-get install -y git
      CMD ["jq"]
    `);
  });

  it('does not fire on a simulation, which installs nothing (a probe in an if)', () => {
    expectRule('apt-no-install-recommends', dockerfile`
      FROM debian:12-slim
      RUN apt-get update; \\
          if apt-get install -s "postgresql-17-jit" > /dev/null 2>&1; then \\
            apt-get install -y --no-install-recommends postgresql-17-jit; \\
          fi; \\
          apt-get install --dry-run curl; \\
          rm -rf /var/lib/apt/lists/*
      CMD ["postgres"]
    `);
  });

  it('counts the APT option written earlier in the same RUN, not later in it', () => {
    expectRule('apt-no-install-recommends', dockerfile`
      FROM debian:12-slim
      RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      CMD ["curl"]
    `);
    expectRule('apt-no-install-recommends', dockerfile`
      FROM debian:12-slim
      RUN apt-get update && apt-get install -y curl && echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec && rm -rf /var/lib/apt/lists/*
      #                     ^^^^^^^^^^^^^^^^^^^^^^^ apt-no-install-recommends apt-get install without --no-install-recommends installs recommended packages this image does not need.
      CMD ["curl"]
    `);
  });
});
