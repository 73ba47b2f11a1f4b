import { inCaseOf, replace } from './edits';
import { keywordAsWritten } from './instruction-list';
import { defineRule } from './rule';

const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|gz|bz2|xz|zst)$/i;

export default defineRule({
  id: 'add-instead-of-copy',
  summary: 'ADD is used for local files that are not archives: COPY says what it does.',
  severity: 'warning',
  hadolint: ['DL3020'],
  checkStage({ model, stage, report }) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.heredocs.length > 0 || instruction.args.length < 2) continue;
      const sources = instruction.args.slice(0, -1).map((arg) => arg.value.replace(/^\[?"?|"?,?\]?$/g, ''));
      if (sources.some((source) => REMOTE.test(source) || ARCHIVE.test(source) || source.includes('$'))) continue;
      const written = keywordAsWritten(model, instruction);
      report({
        range: instruction.keywordRange,
        message: `ADD copies local files here; use COPY, which does only that (ADD also fetches URLs and unpacks archives).`,
        fixes: [{ title: 'Use COPY', edits: [replace(instruction.keywordRange, inCaseOf(written, 'COPY'))], preferred: true }],
      });
    }
  },
});
