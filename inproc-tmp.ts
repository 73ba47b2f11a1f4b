import { lint } from '/work/main/server/src/engine/lint';
import { ModelBuilder } from '/work/main/server/src/model/model-builder';
import { realFiles } from '/work/main/scripts/bench/real';
const files = realFiles('/work/main/test/real-world');
for (let pass = 0; pass < 30; pass++) {
  for (const f of files) { const m = new ModelBuilder().build(f.text + (pass % 2 ? ' ' : '')); lint(m); }
}
const t0 = performance.now(); let model = 0, rules = 0;
for (let pass = 0; pass < 10; pass++) for (const f of files) { const a = performance.now(); const m = new ModelBuilder().build(f.text + `#${pass}\n`); const b = performance.now(); lint(m); const c = performance.now(); model += b - a; rules += c - b; }
console.log('per file: model', (model / 1500).toFixed(3), 'rules', (rules / 1500).toFixed(3), 'total', ((performance.now() - t0) / 1500).toFixed(3));
