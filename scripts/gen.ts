// Writes what is generated from the rule registry: docs/rules/README.md and the rules settings schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleTable, rulesSettingSchema } from './rule-table';

writeFileSync('docs/rules/README.md', ruleTable());
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['dockerfileStages.rules'] = rulesSettingSchema();
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log('docs/rules/README.md and the dockerfileStages.rules schema in package.json written');
