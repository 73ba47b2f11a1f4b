import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_REGISTRY_SETTINGS } from '../../../common/settings';
import { builtInFacts, type SourcedFacts } from '../images/image-facts';
import { externalBaseImages } from '../model/base-images';
import { buildModel } from '../model/model-builder';
import { ImageFactsCache } from '../node/image-facts-cache';
import { ImageFactsStore } from '../node/image-facts-store';
import { DEFAULT_PLATFORM, formatPlatform, parsePlatform, platformOf } from '../words/platform';
import type { Command } from './args';
import { listFiles, readFile } from './check-command';

type CheckCommand = Extract<Command, { name: 'check' }>;

/** `$XDG_CACHE_HOME/dockerfile-stages/images`, else `~/.cache/dockerfile-stages/images`. */
export function defaultImagesCache(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'dockerfile-stages', 'images');
}

/**
 * What the rules will know of the base images of the files checked: with `--images none` the
 * built-in table; with `cache` (the default) also the local engine and earlier look-ups on disk,
 * never the network; with `lookup` also the registries, whose failures are said, never fatal.
 */
export async function imageFactsFor(command: CheckCommand, readStdin: () => string, warn: (message: string) => void): Promise<(image: string) => SourcedFacts | null> {
  if (command.images === 'none') return builtInFacts;
  const store = new ImageFactsStore({ engineCommand: 'docker', cache: new ImageFactsCache(command.imagesCache ?? defaultImagesCache()) });
  const platform = parsePlatform(command.platform ?? '') ?? platformOf(process.platform, process.arch) ?? DEFAULT_PLATFORM;
  store.setPlatform(platform);
  const images = new Set<string>();
  for (const { file } of listFiles(command)) {
    let text: string;
    try {
      text = file === '-' ? readStdin() : readFile(file);
    } catch {
      continue; // The check itself says what is wrong with the file.
    }
    for (const base of externalBaseImages(buildModel(text), platform)) images.add(base.image);
  }
  for (const image of images) store.factsOf(image);
  await store.askEngine();
  if (command.images === 'lookup') {
    const wanted = [...images].filter((image) => !store.learned(image));
    const { results, cacheProblem } = await store.lookUp(wanted, platform, DEFAULT_REGISTRY_SETTINGS);
    for (const failure of results.filter((r) => r.error)) warn(`could not look up ${failure.image} (${formatPlatform(platform)}): ${failure.error}`);
    if (cacheProblem) warn(cacheProblem);
  }
  return store.factsOf;
}
