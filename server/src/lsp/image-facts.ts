import type { Connection } from 'vscode-languageserver';
import type { LookUpImagesResult } from '../../../common/protocol';
import type { DockerfileStagesSettings } from '../../../common/settings';
import { imageKey } from '../images/image-facts';
import { externalBaseImages } from '../model/base-images';
import type { DockerfileModel } from '../model/types';
import { ImageFactsCache } from '../node/image-facts-cache';
import { ImageFactsStore } from '../node/image-facts-store';
import { parsePlatform, DEFAULT_PLATFORM } from '../words/platform';
import { describeError } from './run-safe';

/**
 * Base image facts in the editor: the local engine asked after each lint for the images the rules
 * asked about, the registries only when the user asks (or always, by setting), and the documents
 * linted again when an answer changes what is known.
 */
export class ImageFactsService {
  readonly store: ImageFactsStore;
  /** Images the `always` setting already looked up this session (failed or not). */
  private readonly attempted = new Set<string>();
  private warnedAlways = false;
  private engineRun: Promise<void> | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly relint: () => void,
    store?: ImageFactsStore,
  ) {
    this.store = store ?? new ImageFactsStore();
  }

  /** The extension's global storage folder: registry answers are kept there. */
  setStorageFolder(folder: string | null): void {
    this.store.setCache(folder ? new ImageFactsCache(folder) : null);
  }

  /** Before a lint: which engine to ask, from the settings, and the platform the document targets. */
  configure(settings: DockerfileStagesSettings, platform: string): void {
    this.store.setEngine(settings.images.localEngine ? settings.images.engineCommand : null);
    this.store.setPlatform(parsePlatform(platform) ?? DEFAULT_PLATFORM);
  }

  /** After a lint: ask the engine about what the rules asked, and with `always` the registries. */
  afterLint(model: DockerfileModel, settings: DockerfileStagesSettings, platform: string): void {
    if (!this.engineRun) {
      this.engineRun = this.store
        .askEngine()
        .then((changed) => {
          if (changed) this.relint();
        })
        .catch((error: unknown) => this.connection.console.error(`Asking the engine about base images failed: ${describeError(error)}`))
        .finally(() => {
          this.engineRun = null;
        });
    }
    if (settings.images.lookUp !== 'always') return;
    const target = parsePlatform(platform) ?? DEFAULT_PLATFORM;
    const fresh = externalBaseImages(model, target)
      .map((base) => base.image)
      .filter((image) => {
        const key = imageKey(image);
        if (key === null || this.attempted.has(key) || this.store.learned(image)) return false;
        this.attempted.add(key);
        return true;
      });
    if (fresh.length === 0) return;
    void this.store.lookUp(fresh, target, settings.registry).then(({ results, cacheProblem }) => {
      const failed = results.filter((r) => r.error);
      for (const failure of failed) this.connection.console.warn(`Could not look up ${failure.image}: ${failure.error}`);
      if (cacheProblem) this.connection.console.warn(cacheProblem);
      // Said once a session: with `always`, an offline editor would otherwise say it for every image.
      if (failed.length > 0 && !this.warnedAlways) {
        this.warnedAlways = true;
        void this.connection.window.showWarningMessage(`Could not look up ${failed.map((f) => f.image).join(', ')} in their registries: ${failed[0]?.error ?? ''} (further failures go to the output channel).`);
      }
      if (results.length > failed.length) this.relint();
    });
  }

  /** The user asked to look up a document's base images. */
  async lookUp(model: DockerfileModel, settings: DockerfileStagesSettings, platform: string): Promise<LookUpImagesResult> {
    if (settings.images.lookUp === 'never') return { images: [], refused: 'Looking up base images is turned off (dockerfileStages.images.lookUp is "never").' };
    const target = parsePlatform(platform) ?? DEFAULT_PLATFORM;
    const images = externalBaseImages(model, target).map((base) => base.image);
    if (images.length === 0) return { images: [], refused: 'This Dockerfile pulls no base image that can be looked up (scratch, earlier stages, or build arguments with no default).' };
    const { results, cacheProblem } = await this.store.lookUp(images, target, settings.registry);
    if (results.some((r) => !r.error)) this.relint();
    return { images: results, ...(cacheProblem ? { cacheProblem } : {}) };
  }
}
