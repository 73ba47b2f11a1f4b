import type { RegistrySettings } from '../../../common/settings';
import { mergeFacts } from '../images/image-config';
import { builtInFacts, imageKey, type ImageFacts, type SourcedFacts } from '../images/image-facts';
import { RegistryClient, RegistryError } from '../registry/client';
import { readImageFacts } from '../registry/image-config';
import { toRegistryImage } from '../registry/image-name';
import { DEFAULT_PLATFORM, formatPlatform, type Platform } from '../words/platform';
import { BoundedCache } from '../support/bounded-cache';
import type { ImageFactsCache } from './image-facts-cache';
import { LocalEngine, type EngineAnswer } from './local-engine';

/** A local image can be pulled again or rebuilt: its facts are asked for again after a while. */
const ENGINE_ANSWER_MS = 10 * 60 * 1000;
/** An engine that did not answer is left alone for a while. */
const ENGINE_DOWN_MS = 5 * 60 * 1000;
/** Images asked of the engine at once. */
const ENGINE_BATCH = 8;
/** Image texts whose key is kept; a workspace names far fewer. */
const MAX_KEYS_KEPT = 2048;

/** What the store needs of an engine (a LocalEngine; tests pass their own). */
export interface ImageInspector {
  inspect(reference: string): Promise<EngineAnswer>;
}

export interface ImageFactsStoreOptions {
  /** The engine's command (`docker`, `podman`, a path), or null when it must not be asked. */
  readonly engineCommand?: string | null;
  /** Registry answers kept on disk, or null. */
  readonly cache?: ImageFactsCache | null;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
  readonly createInspector?: (command: string) => ImageInspector;
}

/** The result of looking one image up in its registry. */
export interface LookUpResult {
  readonly image: string;
  /** Why it failed, for the user; absent when the facts were read. */
  readonly error?: string;
}

/**
 * What is known of base images, from three sources in order: the local engine (`image inspect`),
 * registry answers (this session's, then the disk cache's), and the built-in table, which fills in
 * what an image config cannot say (libc, SDK or runtime, a shell). Rules read it synchronously;
 * the engine is asked off the keystroke path, for the images the rules asked about, and the
 * registry only through `lookUp`.
 */
export class ImageFactsStore {
  private readonly engineAnswers = new Map<string, { answer: EngineAnswer; at: number }>();
  private readonly registryAnswers = new Map<string, { facts: ImageFacts; source: string; at: number }>();
  private readonly merged = new Map<string, { value: SourcedFacts | null; at: number }>();
  private readonly keys = new BoundedCache<string | null>(MAX_KEYS_KEPT);
  private changes = 0;
  /** Keys the rules asked about that the engine has not answered (or whose answer is old). */
  private readonly misses = new Set<string>();
  private readonly textOfKey = new Map<string, string>();
  private engineDownUntil = 0;
  private engineDownReason = '';
  private readonly now: () => number;
  private engineCommand: string | null = null;
  private engine: ImageInspector | null = null;
  /** The target platform: a registry answer is one platform's configuration. */
  private platform = formatPlatform(DEFAULT_PLATFORM);
  private cache: ImageFactsCache | null;

  constructor(private readonly options: ImageFactsStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.cache = options.cache ?? null;
    this.setEngine(options.engineCommand ?? null);
  }

  /** Which engine to ask (null: none); a new one starts with no answers. */
  setEngine(command: string | null): void {
    if (command === this.engineCommand) return;
    this.engineCommand = command;
    this.engine = command ? (this.options.createInspector ?? ((c: string) => new LocalEngine(c)))(command) : null;
    this.engineAnswers.clear();
    this.misses.clear();
    this.forgetMerged();
    this.engineDownUntil = 0;
  }

  /** The platform the documents are built for; registry answers of another platform are not used. */
  setPlatform(platform: Platform): void {
    const text = formatPlatform(platform);
    if (text === this.platform) return;
    this.platform = text;
    this.forgetMerged();
  }

  setCache(cache: ImageFactsCache | null): void {
    this.cache = cache;
    this.forgetMerged();
  }

  /** What is known of an image now; notes images the engine could tell more about. */
  readonly factsOf = (text: string): SourcedFacts | null => {
    const key = this.keyOf(text);
    if (key === null) return builtInFacts(text);
    if (this.engine) {
      const asked = this.engineAnswers.get(key);
      if (!asked || this.now() - asked.at > ENGINE_ANSWER_MS) {
        this.misses.add(key);
        this.textOfKey.set(key, text);
      }
    }
    // Kept for a minute, so that "looked up 5 min ago" stays about true.
    const cached = this.merged.get(key);
    if (cached !== undefined && this.now() - cached.at < 60_000) return cached.value;
    const found = this.compute(key, text);
    this.merged.set(key, { value: found, at: this.now() });
    return found;
  };

  /** Counts the changes to what is known: while it stays, every image answers as before (for a minute: answers carry their age). */
  get version(): number {
    return this.changes;
  }

  private forgetMerged(key?: string): void {
    if (key === undefined) this.merged.clear();
    else this.merged.delete(key);
    this.changes++;
  }

  /** The image's key, read once per text: rules ask for the same few images many times per lint. */
  private keyOf(text: string): string | null {
    return this.keys.get(text, imageKey);
  }

  /** True when facts of the image came from the engine or a registry, not only the table. */
  learned(text: string): boolean {
    const key = imageKey(text);
    return key !== null && (this.engineAnswers.get(key)?.answer.kind === 'found' || this.registryAnswer(key) !== null);
  }

  /**
   * Asks the engine about the images the rules asked about since the last call. Resolves to true
   * when it learned something that may change the diagnostics.
   */
  async askEngine(): Promise<boolean> {
    const engine = this.engine;
    if (!engine || this.misses.size === 0 || this.now() < this.engineDownUntil) return false;
    const keys = [...this.misses].slice(0, ENGINE_BATCH);
    for (const key of keys) this.misses.delete(key);
    let changed = false;
    for (const key of keys) {
      const answer = await engine.inspect(this.textOfKey.get(key) ?? key);
      if (answer.kind === 'unavailable') {
        // Asked again once the engine may be back; every other answer stands for a while.
        this.engineDownUntil = this.now() + ENGINE_DOWN_MS;
        this.engineDownReason = answer.reason;
        for (const rest of keys) this.misses.add(rest);
        return changed;
      }
      const before = this.engineAnswers.get(key)?.answer;
      this.engineAnswers.set(key, { answer, at: this.now() });
      if (answer.kind === 'found' || before?.kind === 'found') {
        this.forgetMerged(key);
        changed = true;
      }
    }
    if (this.misses.size > 0) changed = (await this.askEngine()) || changed;
    return changed;
  }

  /** Why the engine is not being asked, when it did not answer; empty when it is fine. */
  engineProblem(): string {
    return this.now() < this.engineDownUntil ? this.engineDownReason : '';
  }

  /**
   * Looks the images up in their registries (the user asked for it): the target platform's config
   * and the platforms offered. Answers go to the disk cache; failures are returned, not thrown.
   */
  async lookUp(texts: readonly string[], platform: Platform, settings: RegistrySettings): Promise<{ results: LookUpResult[]; cacheProblem: string | null }> {
    const client = new RegistryClient({ timeoutMs: settings.timeoutMs, plainHttpHosts: settings.plainHttpHosts, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    const results: LookUpResult[] = [];
    const answers: Record<string, { facts: ImageFacts; source: string; at: number }> = {};
    for (const text of new Set(texts)) {
      const key = imageKey(text);
      const image = toRegistryImage(text);
      if (key === null || !image) continue;
      try {
        const facts = await readImageFacts(client, image, platform);
        const host = image.host === 'registry-1.docker.io' ? 'docker.io' : image.host;
        const answer = { facts, source: `registry ${host}`, at: this.now() };
        const platformKey = `${key} ${formatPlatform(platform)}`;
        this.registryAnswers.set(platformKey, answer);
        answers[platformKey] = answer;
        this.forgetMerged(key);
        results.push({ image: text });
      } catch (error) {
        results.push({ image: text, error: error instanceof RegistryError ? error.message : error instanceof Error ? error.message : String(error) });
      }
    }
    const cacheProblem = this.cache && Object.keys(answers).length > 0 ? this.cache.put(answers) : null;
    return { results, cacheProblem };
  }

  private registryAnswer(key: string): { facts: ImageFacts; source: string; at: number } | null {
    const platformKey = `${key} ${this.platform}`;
    return this.registryAnswers.get(platformKey) ?? this.cache?.get(platformKey) ?? null;
  }

  private compute(key: string, text: string): SourcedFacts | null {
    const table = builtInFacts(text);
    const engine = this.engineAnswers.get(key)?.answer;
    // The command's own name: "docker", "podman" or the path the user set.
    if (engine?.kind === 'found') return mergeFacts({ facts: engine.facts, source: `local engine (${this.engineCommand ?? 'docker'} image inspect)` }, table);
    const registry = this.registryAnswer(key);
    if (registry) return mergeFacts({ facts: registry.facts, source: `${registry.source}, looked up ${describeAge(this.now() - registry.at)}` }, table);
    return table;
  }
}

/** "just now", "5 min ago", "2 h ago", "3 days ago". */
export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
