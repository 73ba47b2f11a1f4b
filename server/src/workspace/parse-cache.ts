/**
 * Parses of build files kept by their text, so that re-indexing a workspace after one file changed
 * parses only that file. Bounded: the oldest parse goes first.
 */
export class ParseCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = 1_000) {}

  get(text: string, parse: (text: string) => T): T {
    const found = this.entries.get(text);
    if (found !== undefined) return found;
    const parsed = parse(text);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(text, parsed);
    return parsed;
  }
}
