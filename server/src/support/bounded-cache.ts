/**
 * Answers kept by a string key (a text, a URI) and computed on first use. Bounded: past `max`
 * answers the oldest goes first. For the parses of build files and RUN scripts, URI paths and
 * image keys: work asked for again and again with the same input.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = 1_000) {}

  get(key: string, compute: (key: string) => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const computed = compute(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, computed);
    return computed;
  }

  clear(): void {
    this.entries.clear();
  }
}
