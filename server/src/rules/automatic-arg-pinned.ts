import { logicalText } from '../model/logical-line';
import { parseNameOrNameValues } from '../words/name-values';
import { replace } from './edits';
import { defineRule } from './rule';

/** The arguments BuildKit sets from the build and target platforms. */
const AUTOMATIC = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);

export default defineRule({
  id: 'automatic-arg-pinned',
  summary: 'An ARG gives an automatic platform argument (TARGETARCH, BUILDPLATFORM…) a default, which replaces the value BuildKit sets.',
  severity: 'warning',
  check({ model, report }) {
    const lists = [model.preamble, ...model.stages.map((stage) => stage.instructions)];
    for (const list of lists) for (const instruction of list) {
      if (instruction.keyword !== 'ARG') continue;
      // Most ARGs name nothing automatic: look at the text before splitting it.
      if (!instruction.args.some((arg) => (arg.value.startsWith('TARGET') || arg.value.startsWith('BUILD')) && AUTOMATIC.has(arg.value.split('=')[0] ?? '') && arg.value.includes('='))) continue;
      const { text, map } = logicalText(model, instruction);
      for (const pair of parseNameOrNameValues(text, model.escapeChar)) {
        if (!AUTOMATIC.has(pair.name) || pair.value === null) continue;
        const start = map[pair.start] ?? 0;
        const end = map[pair.start + pair.name.length + 1 + pair.value.length - 1];
        const line = instruction.range.start.line;
        const lineStart = model.lineStarts[line] ?? 0;
        const oneLine = end !== undefined && end - lineStart < (model.lineStarts[line + 1] ?? Number.POSITIVE_INFINITY) - lineStart;
        report({
          range: oneLine ? { start: { line, character: start - lineStart }, end: { line, character: end + 1 - lineStart } } : instruction.range,
          message: `'ARG ${pair.name}=${pair.value}' replaces the value BuildKit sets from the platform: a build for another platform still gets '${pair.value}'. Declare it without a default ('ARG ${pair.name}').`,
          fixes: oneLine ? [{ title: `Use the automatic value (ARG ${pair.name})`, edits: [replace({ start: { line, character: start - lineStart + pair.name.length }, end: { line, character: end + 1 - lineStart } }, '')], preferred: true }] : [],
        });
      }
    }
  },
});
