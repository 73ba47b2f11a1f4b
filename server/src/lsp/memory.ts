import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A short pause after a large analysis, so that queued messages are served before the collection. */
const PAUSE_MS = 20;

let collect: (() => void) | null | undefined;
let timer: NodeJS.Timeout | undefined;

/**
 * Opening a large Dockerfile leaves a lot of parser garbage that V8 would keep as heap for a long
 * while (and the next large open would add to). Right after such work a full collection returns
 * it, so the server's footprint follows what it holds rather than its peaks. Small edits never
 * trigger it.
 */
export function collectSoon(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  if (!collect) return;
  clearTimeout(timer);
  timer = setTimeout(() => collect?.(), PAUSE_MS);
  timer.unref();
}
