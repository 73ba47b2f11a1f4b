// The long fuzz run: `npm run fuzz -- --count N --seed S`. Random and randomly edited Dockerfiles go
// through the whole analysis (model, every rule, every fix, fix-all, every completion, hover,
// signature help, tokens, links, formatting twice, code actions); crashes and slow cases (> 1 s) are reported with what reproduces them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { lint } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/engine/text-edits';
import { codeActions } from '../server/src/features/code-actions';
import { completeStages } from '../server/src/features/completion';
import { completeDirectives } from '../server/src/features/directive-completion';
import { documentLinks } from '../server/src/features/document-links';
import { completeFlags } from '../server/src/features/flag-completion';
import { formatEdits } from '../server/src/features/formatting';
import { completeInstructions } from '../server/src/features/instruction-completion';
import { semanticTokens } from '../server/src/features/semantic-tokens';
import { signatureHelp } from '../server/src/features/signature-help';
import { completeVariables } from '../server/src/features/variable-completion';
import { documentSymbols } from '../server/src/features/document-symbols';
import { foldingRanges } from '../server/src/features/folding-ranges';
import { hover } from '../server/src/features/hover';
import { buildModel } from '../server/src/model/model-builder';
import { anyDockerfile } from '../test/support/arbitraries';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: 'fuzz-results' } } });
const count = Number(values.count);
const seed = Number(values.seed);
const BATCH = 1000;
const SLOW_MS = 1000;

function exercise(text: string, position: number): void {
  const model = buildModel(text);
  const { problems, failures } = lint(model);
  if (failures.length > 0) throw failures[0]?.error;
  for (const problem of problems) for (const fix of problem.fixes) lint(buildModel(applyEdits(text, fix.edits)));
  const all = codeActions(model, problems, { start: { line: 0, character: 0 }, end: { line: model.lineStarts.length, character: 0 } }, ['quickfix', 'source.fixAll', 'refactor']);
  for (const plan of all) buildModel(applyEdits(text, plan.edits));
  documentSymbols(model);
  foldingRanges(model);
  const line = position % model.lineStarts.length;
  const at = { line, character: position % 50 };
  for (const complete of [completeStages, completeVariables, completeFlags, completeDirectives, completeInstructions]) complete(model, at);
  hover(model, at);
  signatureHelp(model, at);
  semanticTokens(model);
  documentLinks(model);
  const formatted = applyEdits(text, formatEdits(model, { tabSize: 4, insertSpaces: true }));
  if (applyEdits(formatted, formatEdits(buildModel(formatted), { tabSize: 4, insertSpaces: true })) !== formatted) throw new Error('formatting twice changes more');
}

const started = performance.now();
const crashes: { batch: number; index: number; error: string }[] = [];
const slow: { batch: number; index: number; ms: number }[] = [];
let done = 0;
let slowest = 0;
mkdirSync(values.out, { recursive: true });
for (let batch = 0; done < count; batch++) {
  const cases = fc.sample(fc.tuple(anyDockerfile, fc.nat()), { seed: seed + batch, numRuns: Math.min(BATCH, count - done) });
  cases.forEach(([text, position], index) => {
    const t = performance.now();
    try {
      exercise(text, position);
    } catch (error) {
      const file = `${values.out}/crash-${seed}-${batch}-${index}.Dockerfile`;
      writeFileSync(file, text);
      crashes.push({ batch, index, error: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n  case saved to ${file}` });
    }
    const ms = performance.now() - t;
    slowest = Math.max(slowest, ms);
    if (ms > SLOW_MS) {
      writeFileSync(`${values.out}/slow-${seed}-${batch}-${index}.Dockerfile`, text);
      slow.push({ batch, index, ms });
    }
  });
  done += cases.length;
  if (batch % 20 === 19) console.log(`${done} cases, ${crashes.length} crashes, ${slow.length} slow, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${done} cases (seed ${seed}) in ${seconds.toFixed(1)} s, ${(done / seconds).toFixed(0)} cases/s; slowest case ${slowest.toFixed(0)} ms`);
console.log(`crashes: ${crashes.length}; slow (> ${SLOW_MS} ms): ${slow.length}`);
for (const crash of crashes.slice(0, 10)) console.log(`- crash at batch ${crash.batch} case ${crash.index} (reproduce with --seed ${seed + crash.batch}, case ${crash.index} of the batch):\n  ${crash.error}`);
for (const s of slow.slice(0, 10)) console.log(`- slow: batch ${s.batch} case ${s.index}: ${s.ms.toFixed(0)} ms`);
process.exitCode = crashes.length > 0 ? 1 : 0;
