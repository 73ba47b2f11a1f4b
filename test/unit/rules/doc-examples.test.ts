import assert from '../../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint, type LintOptions } from '../../../server/src/engine/lint';
import { buildModel } from '../../../server/src/model/model-builder';
import { RULES } from '../../../server/src/rules/index';
import type { Rule } from '../../../server/src/rules/rule';

/** The build context each rule's examples assume (the docs say it in a comment). */
const CONTEXTS: Record<string, { bad: LintOptions['buildContext']; good: LintOptions['buildContext'] }> = {
  'dockerignore-missing': { bad: { dockerignore: null, entries: [] }, good: { dockerignore: '.git\n', entries: [] } },
  'copy-ignored-file': { bad: { dockerignore: 'dist\n', entries: [] }, good: { dockerignore: '', entries: [] } },
  'context-secret-copied': {
    bad: { dockerignore: null, entries: ['.npmrc', 'package.json'], readFile: (path) => (path === '.npmrc' ? '//registry.npmjs.org/:_authToken=npm_abc\n' : '{}') },
    good: { dockerignore: null, entries: ['.npmrc', 'package.json'], readFile: (path) => (path === '.npmrc' ? '//registry.npmjs.org/:_authToken=npm_abc\n' : '{}') },
  },
};

/** What a registry look-up says of the examples' base images, for the rules that need it. */
const LOOKED_UP: Record<string, LintOptions['imageFacts']> = {
  'base-image-platform': (image) =>
    image.startsWith('mcr.microsoft.com/windows/nanoserver') ? { facts: { platforms: ['windows/amd64'] }, source: 'registry' }
    : image.startsWith('debian:') ? { facts: { platforms: ['linux/amd64', 'linux/arm64/v8'] }, source: 'registry' }
    : null,
};

function example(rule: Rule, section: 'Bad' | 'Good'): string {
  const doc = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
  const match = new RegExp(`## ${section}\\n\\n\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/rules/${rule.id}.md has no ${section} example`);
  return match[1] as string;
}

function findings(rule: Rule, text: string, section: 'bad' | 'good') {
  const imageFacts = LOOKED_UP[rule.id];
  return lint(buildModel(text), { buildContext: CONTEXTS[rule.id]?.[section] ?? null, ...(imageFacts ? { imageFacts } : {}) }, [rule]).problems;
}

describe('rule pages: the bad example fires, the good one does not, and every suppression form silences it', () => {
  for (const rule of RULES) {
    it(rule.id, () => {
      const bad = example(rule, 'Bad');
      const problems = findings(rule, bad, 'bad');
      assert.ok(problems.length > 0, 'the Bad example does not fire');
      assert.deepEqual(findings(rule, example(rule, 'Good'), 'good').map((p) => p.message), [], 'the Good example fires');

      assert.deepEqual(findings(rule, `${bad}\n# dockerfile-stages ignore-file=${rule.id}\n`, 'bad'), [], 'ignore-file');
      const first = problems[0] as (typeof problems)[number];
      if (first.range.start.line > 0 || !bad.startsWith('#')) {
        const lines = bad.split('\n');
        const model = buildModel(bad);
        const owner = [...model.preamble, ...model.stages.flatMap((s) => s.instructions)].find(
          (i) => i.range.start.line <= first.range.start.line && first.range.end.line <= i.range.end.line,
        );
        if (owner) {
          lines.splice(owner.range.start.line, 0, `# dockerfile-stages ignore=${rule.id} # reason`);
          const after = findings(rule, lines.join('\n'), 'bad');
          assert.equal(after.length, problems.length - problems.filter((p) => p.range.start.line >= owner.range.start.line && p.range.start.line <= owner.range.end.line).length, 'ignore= above the instruction');
        }
      }
      if (rule.hadolint) {
        assert.deepEqual(findings(rule, `${bad}\n# hadolint global ignore=${rule.hadolint.join(',')}\n`, 'bad'), [], 'hadolint global ignore');
      }
      if (rule.buildkit && !bad.startsWith('# ')) {
        assert.deepEqual(findings(rule, `# check=skip=${rule.buildkit}\n${bad}`, 'bad'), [], 'check=skip');
      }
    });
  }
});

describe('rule pages: the preferred fix of the bad example works the same with CRLF and with a backtick escape', () => {
  for (const rule of RULES) {
    const bad = example(rule, 'Bad');
    const index = findings(rule, bad, 'bad').findIndex((p) => p.fixes.some((f) => f.preferred && !f.unsafe && f.edits.length > 0));
    if (index === -1) continue;
    it(rule.id, async () => {
      const { applyEdits } = await import('../../../server/src/engine/text-edits');
      const fixOf = (text: string) => {
        // The same problem, by order: a prepended directive shifts the line numbers in messages.
        const found = findings(rule, text, 'bad')[index];
        const fix = found?.fixes.find((f) => f.preferred && !f.unsafe);
        assert.ok(fix, `no preferred fix on ${JSON.stringify(text.slice(0, 40))}`);
        return applyEdits(text, fix.edits);
      };
      const lf = fixOf(bad);
      assert.equal(fixOf(bad.replace(/\n/g, '\r\n')), lf.replace(/\r?\n/g, '\r\n'), 'CRLF');
      const backtick = `# escape=\`\n${bad.replace(/\\\n/g, '`\n')}`;
      assert.equal(fixOf(backtick), `# escape=\`\n${lf.replace(/\\\n/g, '`\n')}`, 'backtick escape');
    });
  }
});
