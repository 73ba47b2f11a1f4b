import { describe, it } from 'node:test';
import type { SourcedFacts } from '../../../server/src/images/image-facts';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

/** Facts as a registry look-up gives them: the platforms of the tag's index. */
const looked: Record<string, readonly string[]> = {
  'node:22': ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/ppc64le', 'linux/s390x'],
  'mcr.microsoft.com/windows/nanoserver:ltsc2022': ['windows/amd64'],
  'example.com/team/tool:1.2': ['linux/amd64'],
};
const imageFacts = (image: string): SourcedFacts | null => (looked[image] ? { facts: { platforms: looked[image] }, source: 'registry' } : null);

describe('base-image-platform', () => {
  it('fires when the index lacks the target platform, or the FROM --platform one', () => {
    expectRule(
      'base-image-platform',
      dockerfile`
        FROM example.com/team/tool:1.2 AS tool
        #    ^^^^^^^^^^^^^^^^^^^^^^^^^ base-image-platform 'example.com/team/tool:1.2' offers linux/amd64, not linux/arm64 (the target platform): the pull fails, or an image for another platform runs under emulation.
        FROM --platform=linux/arm64 mcr.microsoft.com/windows/nanoserver:ltsc2022
        #                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ base-image-platform 'mcr.microsoft.com/windows/nanoserver:ltsc2022' offers windows/amd64, not linux/arm64 (FROM --platform=linux/arm64): the pull fails, or an image for another platform runs under emulation.
      `,
      { imageFacts, platform: 'linux/arm64' },
    );
  });

  it('does not fire for an offered platform, spelled either way, or through variables', () => {
    expectRule('base-image-platform', dockerfile`
      ARG BASE=node:22
      FROM \${BASE} AS app
      FROM --platform=linux/arm64 node:22 AS arm
      FROM --platform=linux/amd64 example.com/team/tool:1.2 AS tool
    `, { imageFacts, platform: 'linux/arm64/v8' });
    expectRule('base-image-platform', dockerfile`
      FROM node:22
      FROM --platform=linux/arm node:22
    `, { imageFacts, platform: 'linux/amd64' });
  });

  it('stays silent when no registry was asked, or the platform is a variable without a default', () => {
    expectRule('base-image-platform', dockerfile`
      FROM example.com/team/other:1
      ARG PLATFORM
      FROM --platform=$PLATFORM example.com/team/tool:1.2
    `, { imageFacts, platform: 'linux/arm64' });
    expectRule('base-image-platform', dockerfile`
      FROM example.com/team/tool:1.2
    `, { platform: 'linux/arm64' });
  });
});
