// What COPY, ADD and bind mounts put where in a stage's image by the time of a RUN, along the
// stage's FROM chain: the facts rules need to tie a RUN's paths to the instruction that wrote them.
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { contextSources } from './context-files';
import { resolvePath } from './stage-state';

export interface PlacedFiles {
  /** The COPY or ADD (or the RUN, for its bind mount). */
  readonly instruction: Instruction;
  /** The paths as written: context paths, or paths of the stage or image copied from. */
  readonly sources: readonly string[];
  /** Where they land in the image (absolute). */
  readonly destination: string;
  /** `COPY a b /dir/` or a destination ending in `/`: each source lands inside it. */
  readonly intoFolder: boolean;
  /** From the build context (not `--from` a stage or an image). */
  readonly fromContext: boolean;
  /** A bind mount of the RUN itself: seen by it, stored in no layer. */
  readonly mounted: boolean;
}

/** The WORKDIR in force at `run` and what earlier instructions (and the RUN's bind mounts) placed, latest first. */
export function filesPlacedBefore(model: DockerfileModel, stage: Stage, run: Instruction): { workdir: string; copies: PlacedFiles[] } {
  let workdir = '/';
  const copies: PlacedFiles[] = [];
  for (const s of shippedStages(model, stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) {
        for (const flag of run.flags) {
          const option = (name: string) => flag.options.find((o) => o.name === name)?.value;
          if (flag.name.toLowerCase() !== 'mount' || option('type') !== 'bind') continue;
          const target = option('target') ?? option('dst') ?? option('destination');
          if (target) copies.unshift({ instruction: run, sources: [option('source') ?? option('src') ?? '.'], destination: resolvePath(workdir, target), intoFolder: false, fromContext: !option('from'), mounted: true });
        }
        return { workdir, copies };
      }
      if (instruction.keyword === 'WORKDIR') workdir = resolvePath(workdir, instruction.args[0]?.value ?? '');
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      const fromContext = !instruction.flags.some((flag) => flag.name.toLowerCase() === 'from');
      const sources = fromContext ? contextSources(instruction).map((a) => a.value) : instruction.args.slice(0, -1).map((a) => a.value);
      const written = instruction.args[instruction.args.length - 1]?.value ?? '';
      if (sources.length > 0 && !written.includes('$') && instruction.heredocs.length === 0) {
        copies.unshift({ instruction, sources, destination: resolvePath(workdir, written), intoFolder: sources.length > 1 || written.endsWith('/'), fromContext, mounted: false });
      }
    }
  }
  return { workdir, copies };
}
