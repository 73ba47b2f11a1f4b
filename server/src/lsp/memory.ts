import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MemoryResult } from '../../../common/protocol';

/** A short pause after a large analysis, so that queued messages are served before the collection. */
const PAUSE_MS = 20;

let collectorFound: (() => void) | null | undefined;
let timer: NodeJS.Timeout | undefined;

/**
 * Opening a large Dockerfile leaves a lot of parser garbage that V8 would keep as heap for a long
 * while (and the next large open would add to). Right after such work a full collection returns
 * it, so the server's footprint follows what it holds rather than its peaks. Small edits never
 * trigger it.
 */
export function collectSoon(): void {
  const collect = collector();
  if (!collect) return;
  clearTimeout(timer);
  timer = setTimeout(() => collect(), PAUSE_MS);
  timer.unref();
}

function collector(): (() => void) | null {
  if (collectorFound === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collectorFound = runInNewContext('gc') as () => void;
    } catch {
      collectorFound = null;
    }
  }
  return collectorFound;
}

/**
 * What the server holds, after a full collection when one can be forced: the heap follows what is
 * retained, where RSS follows the collector's timing. For bug reports and the leak test.
 */
export function memoryAfterCollection(): MemoryResult {
  const collect = collector();
  collect?.();
  const usage = process.memoryUsage();
  return { collected: collect !== null, heapUsedBytes: usage.heapUsed, rssBytes: usage.rss };
}
