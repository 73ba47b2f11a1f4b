// npx tsx scripts/corpus/show.ts <rule-id>: the current findings of one rule on the corpus, each
// with the line it points at, for reviewing.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { collect, CORPUS } from './findings';

const rule = process.argv[2];
for (const f of collect().findings) {
  if (rule && f.ruleId !== rule) continue;
  const line = readFileSync(path.join(CORPUS, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
  console.log(`${f.file}:${f.line}  ${line.trim().slice(0, 70)}\n    ${f.message}`);
}
