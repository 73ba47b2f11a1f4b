import { execFile } from 'node:child_process';
import { factsFromImageConfig } from '../images/image-config';
import type { ImageFacts } from '../images/image-facts';
import { isValidReference } from '../images/reference-grammar';

/** What the engine said of an image: its facts, that it does not have it, or that it did not answer. */
export type EngineAnswer = { readonly kind: 'found'; readonly facts: ImageFacts } | { readonly kind: 'absent' } | { readonly kind: 'unavailable'; readonly reason: string };

const INSPECT_TIMEOUT_MS = 5000;
const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;

/**
 * Reads images the local engine already has with `<command> image inspect -- <reference>` (argv,
 * never a shell). Docker and Podman both answer in this shape.
 */
export class LocalEngine {
  constructor(
    private readonly command: string,
    private readonly environment: NodeJS.ProcessEnv = process.env,
  ) {}

  inspect(reference: string): Promise<EngineAnswer> {
    // The reference is the Dockerfile's text: only a valid image name reaches the argv.
    if (!isValidReference(reference)) return Promise.resolve({ kind: 'absent' });
    return new Promise((resolve) => {
      execFile(
        this.command,
        ['image', 'inspect', '--', reference],
        { timeout: INSPECT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, env: this.environment, windowsHide: true },
        (error, stdout, stderr) => {
          if (error) {
            const text = `${stderr}`.trim();
            if (/no such image|image not known|not found/i.test(text)) resolve({ kind: 'absent' });
            else resolve({ kind: 'unavailable', reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${this.command} was not found` : text.split('\n')[0] || error.message });
            return;
          }
          try {
            const parsed: unknown = JSON.parse(stdout);
            const entry = Array.isArray(parsed) ? parsed[0] : null;
            resolve(entry ? { kind: 'found', facts: factsFromImageConfig(entry) } : { kind: 'absent' });
          } catch {
            resolve({ kind: 'unavailable', reason: `${this.command} image inspect did not answer in JSON` });
          }
        },
      );
    });
  }
}
