import { lint } from '../../server/src/engine/lint';
import { completeStages } from '../../server/src/features/completion';
import { findDefinition } from '../../server/src/features/definition';
import { ModelBuilder } from '../../server/src/model/model-builder';
import { generateDockerfile } from './generate';
import { median } from './measure';

export interface AnalysisFigures {
  readonly size: number;
  /** A fresh document: scan, parse every chunk, model, all rules. */
  readonly openMs: number;
  /** A one-character edit at the end: the model from the chunk cache, then all rules. */
  readonly editMs: number;
  readonly editModelMs: number;
  readonly editRulesMs: number;
  readonly completionMs: number;
  readonly definitionMs: number;
}

/** The analysis alone (parse + model + rules), in this process, on the same documents. */
export function measureAnalysis(sizes: readonly number[], runs: (size: number) => number): AnalysisFigures[] {
  return sizes.map((size) => {
    const doc = generateDockerfile(size);
    const n = runs(size);
    const opens: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      lint(new ModelBuilder().build(doc.text));
      opens.push(performance.now() - started);
    }
    const builder = new ModelBuilder();
    let text = doc.text;
    let model = builder.build(text);
    const models: number[] = [];
    const rules: number[] = [];
    for (let i = 0; i < n; i++) {
      text = `${text.slice(0, -1)}x\n`;
      const started = performance.now();
      model = builder.build(text);
      const built = performance.now();
      lint(model);
      rules.push(performance.now() - built);
      models.push(built - started);
    }
    const time = (work: () => unknown): number => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        work();
        samples.push(performance.now() - started);
      }
      return median(samples);
    };
    return {
      size,
      openMs: median(opens),
      editMs: median(models.map((m, i) => m + (rules[i] as number))),
      editModelMs: median(models),
      editRulesMs: median(rules),
      completionMs: time(() => completeStages(model, doc.probes.completion)),
      definitionMs: time(() => findDefinition(model, doc.probes.definition)),
    };
  });
}
