import { normalizeStageName } from '../model/stage-names';
import type { Stage } from '../model/types';
import { editDistance } from './edit-distance';

/** The named stage closest to `text`: within 2 edits (1 for names of 3 characters or fewer). */
export function closestStage(stages: readonly Stage[], text: string): Stage | null {
  const wanted = normalizeStageName(text);
  if (wanted === '') return null;
  const limit = wanted.length <= 3 ? 1 : 2;
  let best: Stage | null = null;
  let bestDistance = limit + 1;
  for (const stage of stages) {
    if (stage.normalizedName === null) continue;
    const distance = editDistance(wanted, stage.normalizedName, limit);
    if (distance < bestDistance) {
      best = stage;
      bestDistance = distance;
    }
  }
  return best;
}
