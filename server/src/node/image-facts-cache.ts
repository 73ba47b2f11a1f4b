import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImageFacts } from '../images/image-facts';

/** One registry answer, kept on disk. */
export interface CachedImageFacts {
  readonly facts: ImageFacts;
  /** Where the facts come from: "registry docker.io". */
  readonly source: string;
  /** When they were looked up (ms since the epoch). */
  readonly at: number;
}

interface CacheFile {
  readonly version: 1;
  readonly entries: Record<string, CachedImageFacts>;
}

const FILE_NAME = 'image-facts.json';
/** Tags move: a week-old answer is looked up again. */
export const CACHE_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 2000;

/**
 * Registry answers in one JSON file of a folder (the extension's global storage, or the CLI's cache
 * folder), so that a second run needs no network. Unreadable files are ignored; writes go through a
 * temporary file so that an editor and the CLI never read half a file.
 */
export class ImageFactsCache {
  private entries: Record<string, CachedImageFacts> | null = null;

  constructor(
    private readonly folder: string,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedImageFacts | null {
    const entry = this.load()[key];
    return entry && this.now() - entry.at < CACHE_EXPIRY_MS ? entry : null;
  }

  /** Adds answers and writes the file; a failure to write is returned for the caller to report. */
  put(answers: Readonly<Record<string, CachedImageFacts>>): string | null {
    const entries = { ...this.load(), ...answers };
    // The oldest go first when the file grows too large, and expired ones always.
    const kept = Object.entries(entries)
      .filter(([, entry]) => this.now() - entry.at < CACHE_EXPIRY_MS)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_ENTRIES);
    this.entries = Object.fromEntries(kept);
    const file: CacheFile = { version: 1, entries: this.entries };
    const target = path.join(this.folder, FILE_NAME);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(file));
      fs.renameSync(temporary, target);
      return null;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      return `Could not write the image cache ${target}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private load(): Record<string, CachedImageFacts> {
    if (this.entries) return this.entries;
    this.entries = {};
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(this.folder, FILE_NAME), 'utf8')) as Partial<CacheFile>;
      if (parsed.version === 1 && typeof parsed.entries === 'object' && parsed.entries !== null) {
        for (const [key, entry] of Object.entries(parsed.entries)) {
          if (entry && typeof entry.at === 'number' && typeof entry.source === 'string' && typeof entry.facts === 'object' && entry.facts !== null) this.entries[key] = entry;
        }
      }
    } catch {
      // No cache yet, or one this version cannot read: start empty.
    }
    return this.entries;
  }
}
