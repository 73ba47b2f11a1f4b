import { samePlatform } from '../words/platform';
import { baseImageOf } from './stage-state';
import { defineRule } from './rule';

export default defineRule({
  id: 'from-platform-flag-const-disallowed',
  summary: 'FROM --platform has a fixed value, so the stage ignores the platform being built.',
  severity: 'warning',
  hadolint: ['DL3029'],
  buildkit: 'FromPlatformFlagConstDisallowed',
  check({ model, imageFacts, platform, report }) {
    for (const stage of model.stages) {
      const pinned = stage.platform;
      if (!pinned || pinned.value.includes('$')) continue;
      // A stage named for its platform (e.g. `build-arm64`) is pinned on purpose, as BuildKit reads it.
      const [os, arch] = pinned.value.toLowerCase().split('/');
      if (stage.normalizedName && ((os && stage.normalizedName.includes(os)) || (arch && stage.normalizedName.includes(arch)))) continue;
      const named = `'${stage.name ?? 'stage'}-${arch ?? os}'`;
      // An image published for that one platform needs the pin: the advice is the name, not a variable.
      const image = stage.baseImage ? baseImageOf(model, stage, platform) : null;
      const offered = image ? imageFacts(image)?.facts.platforms : undefined;
      const only = offered?.length === 1 && samePlatform(offered[0] as string, pinned.value) ? image : null;
      report({
        range: pinned.range,
        message: only
          ? `--platform=${pinned.value} pins this stage, and '${only}' is published for ${pinned.value} only; name the stage after its platform (e.g. ${named}) to say the pin is meant.`
          : `--platform=${pinned.value} pins this stage; use $BUILDPLATFORM or $TARGETPLATFORM so it follows the build, or, if it must run on ${pinned.value}, name the stage after it (e.g. ${named}).`,
      });
    }
  },
});
