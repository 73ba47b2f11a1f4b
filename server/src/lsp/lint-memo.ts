import type { LintOptions, LintResult } from '../engine/lint';

/** Texts linted lately: a few hundred files switched between, closed and opened again. */
const MAX_ENTRIES = 256;
/** The texts kept, in characters all together; a larger one is never kept. */
const MAX_TEXT_TOTAL = 4 * 1024 * 1024;
const MAX_TEXT_LENGTH = 256 * 1024;
/** Image facts carry the age of their answer ("looked up 5 min ago"): a result is reused for a minute at most. */
const MAX_AGE_MS = 60_000;

/**
 * The results of recent lints by text and by what the lint was given. A file closed and opened
 * again, or linted again after a change elsewhere that left its inputs as they were, gets the
 * same problems without running the rules again. Each document keeps only its latest text here:
 * the versions typed through are let go as the next one is linted.
 */
export class LintMemo {
  private readonly entries = new Map<string, { key: string; result: LintResult; at: number }>();
  private readonly latestText = new Map<string, string>();
  private textTotal = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get(text: string, key: string): LintResult | null {
    const entry = this.entries.get(text);
    if (!entry || entry.key !== key || this.now() - entry.at > MAX_AGE_MS) return null;
    // The newest last, so the oldest goes first.
    this.entries.delete(text);
    this.entries.set(text, entry);
    return entry.result;
  }

  /** The result of `uri`'s latest text (its earlier text is forgotten). */
  set(uri: string, text: string, key: string, result: LintResult): void {
    const earlier = this.latestText.get(uri);
    if (earlier !== undefined && earlier !== text) this.forget(earlier);
    this.latestText.delete(uri);
    if (text.length > MAX_TEXT_LENGTH) return;
    this.latestText.set(uri, text);
    this.forget(text);
    this.entries.set(text, { key, result, at: this.now() });
    this.textTotal += text.length;
    while (this.entries.size > MAX_ENTRIES || this.textTotal > MAX_TEXT_TOTAL) this.forget(this.entries.keys().next().value as string);
    if (this.latestText.size > MAX_ENTRIES) this.latestText.delete(this.latestText.keys().next().value as string);
  }

  private forget(text: string): void {
    if (this.entries.delete(text)) this.textTotal -= text.length;
  }
}

const ids = new WeakMap<object, number>();
let lastId = 0;

/** A number per object: the workspace facts are the same objects while nothing they come from changed. */
function idOf(value: object | null | undefined): number {
  if (!value) return 0;
  let id = ids.get(value);
  if (id === undefined) {
    id = ++lastId;
    ids.set(value, id);
  }
  return id;
}

/**
 * Everything a lint is given, as one string: equal keys give equal results for equal texts. The
 * workspace facts count by identity (a changed build file or project file gives new objects),
 * image facts by the store's count of changes.
 */
export function lintKey(options: LintOptions, imageFactsVersion: number): string {
  // Every option has its place here: a new one fails to compile until it is added.
  const parts: { readonly [K in keyof Required<LintOptions>]: unknown } = {
    severities: options.severities ?? null,
    target: options.target ?? null,
    platform: options.platform ?? null,
    fileName: options.fileName ?? null,
    uses: idOf(options.uses),
    targetFiles: idOf(options.targetFiles),
    localImages: idOf(options.localImages),
    namedContexts: idOf(options.namedContexts),
    buildContext: idOf(options.buildContext),
    imageFacts: [idOf(options.imageFacts), imageFactsVersion],
  };
  return JSON.stringify(parts);
}
