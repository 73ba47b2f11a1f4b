import { replace } from './edits';
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
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
      const next = stage.from.args[0]?.range.start;
      const oneLine = flag && next && flag.range.start.line === next.line;
      report({
        range: stage.platform.range,
        message: `--platform=${stage.platform.value} is the default; remove the flag.`,
        fixes: oneLine ? [{ title: 'Remove --platform', edits: [replace({ start: flag.range.start, end: next }, '')], preferred: true }] : [],
      });
    }
  },
});
