// Writes what is generated from the rule registry: docs/rules/README.md, the rules settings schema
// and the JSON schema of .dockerfile-stages.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { projectConfigSchema, ruleTable, rulesSettingSchema } from './rule-table';

writeFileSync('docs/rules/README.md', ruleTable());
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['dockerfileStages.rules'] = rulesSettingSchema();
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync('schemas/project-config.schema.json', `${JSON.stringify(projectConfigSchema(), null, 2)}\n`);
console.log('docs/rules/README.md, the dockerfileStages.rules schema in package.json and schemas/project-config.schema.json written');
