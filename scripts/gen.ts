// Writes the files generated from the rule registry: docs/rules/README.md.
import { writeFileSync } from 'node:fs';
import { ruleTable } from './rule-table';

writeFileSync('docs/rules/README.md', ruleTable());
console.log('docs/rules/README.md written');
