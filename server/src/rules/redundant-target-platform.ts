import { defineRule } from './rule';

export default defineRule({
  id: 'redundant-target-platform',
  summary: 'FROM --platform=$TARGETPLATFORM says what BuildKit does anyway.',
  severity: 'info',
  hadolint: ['DL3065'],
  buildkit: 'RedundantTargetPlatform',
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.platform || !/^\$\{?TARGETPLATFORM\}?$/.test(stage.platform.value)) continue;
      report({ range: stage.platform.range, message: `--platform=${stage.platform.value} is the default; remove the flag.` });
    }
  },
});
