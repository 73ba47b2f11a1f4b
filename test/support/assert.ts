import strict from 'node:assert/strict';
import { CompactRange } from '../../server/src/model/positions';

/**
 * node:assert/strict, with deep equality that sees a model's compact ranges as the plain
 * `{ start, end }` ranges they stand for (they differ only in how they are stored).
 */
function plain(value: unknown): unknown {
  if (value instanceof CompactRange) return value.toJSON();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

const deepEqual: typeof strict.deepStrictEqual = (actual, expected, message) => strict.deepStrictEqual(plain(actual), plain(expected), message);
const notDeepEqual: typeof strict.notDeepStrictEqual = (actual, expected, message) => strict.notDeepStrictEqual(plain(actual), plain(expected), message);

const assert: typeof strict = Object.assign(
  ((value: unknown, message?: string | Error) => strict.ok(value, message)) as typeof strict,
  strict,
  { deepEqual, deepStrictEqual: deepEqual, notDeepEqual, notDeepStrictEqual: notDeepEqual },
);

export default assert;
