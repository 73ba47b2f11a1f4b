import { defineRule } from './rule';

export default defineRule({
  id: 'from-platform-flag-const-disallowed',
  summary: 'FROM --platform has a fixed value, so the stage ignores the platform being built.',
  severity: 'warning',
  hadolint: ['DL3029'],
  buildkit: 'FromPlatformFlagConstDisallowed',
  check({ model, report }) {
    for (const stage of model.stages) {
      const platform = stage.platform;
      if (!platform || platform.value.includes('$')) continue;
      // A stage named for its platform (e.g. `build-arm64`) is pinned on purpose.
      const [os, arch] = platform.value.toLowerCase().split('/');
      if (stage.normalizedName && ((os && stage.normalizedName.includes(os)) || (arch && stage.normalizedName.includes(arch)))) continue;
      report({
        range: platform.range,
        message: `--platform=${platform.value} pins this stage; use $BUILDPLATFORM or $TARGETPLATFORM so it follows the build.`,
      });
    }
  },
});
