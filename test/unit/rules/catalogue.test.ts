import assert from '../../support/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/rules/index';

/** A rule file is one that declares a rule; the others in the folder are helpers. */
const ruleFiles = readdirSync('server/src/rules')
  .filter((f) => f.endsWith('.ts') && readFileSync(`server/src/rules/${f}`, 'utf8').includes('export default defineRule('))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('the rule catalogue', () => {
  it('lists exactly the rule files, each once, under its file name', () => {
    assert.deepEqual(RULES.map((r) => r.id).sort(), ruleFiles);
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  it('uses stable kebab-case ids and one-line summaries', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, rule.id);
      assert.ok(rule.summary.length > 10 && !rule.summary.includes('\n'), rule.id);
    }
  });

  it('has a doc page for every rule, with its severity, an example and how to suppress', () => {
    for (const rule of RULES) {
      const doc = `docs/rules/${rule.id}.md`;
      assert.ok(existsSync(doc), `${doc} is missing`);
      const text = readFileSync(doc, 'utf8');
      assert.ok(text.startsWith(`# ${rule.id}\n`), `${doc} title`);
      assert.ok(text.includes(`**Default severity:** ${rule.severity}`), `${doc} severity`);
      for (const section of ['## Why', '## Bad', '## Good', '## Suppress']) assert.ok(text.includes(section), `${doc} ${section}`);
    }
  });

  it('has tests for every rule, with cases that fire and cases that do not', () => {
    for (const rule of RULES) {
      const file = `test/unit/rules/${rule.id}.test.ts`;
      assert.ok(existsSync(file), `${file} is missing`);
      const text = readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`\\^+ ${rule.id}|\\['${rule.id}'`), `${file} has no case that fires`);
      assert.match(text, /it\('does not fire/, `${file} has no case that must not fire`);
    }
  });
});

describe('generated rule docs', () => {
  it('docs/rules/README.md matches the registry (run `npm run gen` after changing a rule)', async () => {
    const { ruleTable } = await import('../../../scripts/rule-table');
    assert.equal(readFileSync('docs/rules/README.md', 'utf8'), ruleTable());
  });

  it('the dockerfileStages.rules setting lists every rule (run `npm run gen`)', async () => {
    const { rulesSettingSchema } = await import('../../../scripts/rule-table');
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['dockerfileStages.rules'], rulesSettingSchema());
    // A new entry in the Settings UI starts at the rule's own severity, not at the first value (off).
    assert.equal((rulesSettingSchema() as { properties: Record<string, { default: string }> }).properties['final-user-root']?.default, 'warning');
  });

  it('the JSON schema of .dockerfile-stages.json lists every rule and is what VS Code validates with (run `npm run gen`)', async () => {
    const { projectConfigSchema } = await import('../../../scripts/rule-table');
    assert.deepEqual(JSON.parse(readFileSync('schemas/project-config.schema.json', 'utf8')), projectConfigSchema());
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.dockerfile-stages.json', url: './schemas/project-config.schema.json' }]);
  });
});
