import { mayBePublicImage, normalizeImage } from '../images/image-facts';
import { parseImageReference } from '../model/image-reference';
import { imageThroughArg, type ImageThroughArg } from '../model/image-through-args';
import type { ImageReference } from '../model/types';
import { insertAt, replace } from './edits';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'image-unpinned',
  summary: "A base image or --from image has no tag or uses 'latest', so builds change under you.",
  severity: 'warning',
  hadolint: ['DL3006', 'DL3007'],
  check({ model, localImages, report }) {
    const isLocal = (image: ImageReference): boolean => localImages.has(normalizeImage(image.text)?.name ?? '');
    const stageBases = new Set(model.references.filter((r) => r.kind === 'from').map((r) => r.fromStage));
    // An ARG default that several FROMs use is reported once, at the ARG, where the pin goes.
    const throughArgs = new Map<string, { throughArg: ImageThroughArg; lines: number[] }>();
    for (const stage of model.stages) {
      if (!stage.baseImage || stageBases.has(stage.index)) continue;
      const throughArg = imageThroughArg(model, stage.baseImage);
      if (throughArg) {
        const key = `${throughArg.valueRange.start.line}:${throughArg.valueRange.start.character}`;
        const group = throughArgs.get(key) ?? { throughArg, lines: [] };
        group.lines.push(stage.baseImage.range.start.line + 1);
        throughArgs.set(key, group);
        continue;
      }
      if (isLocal(stage.baseImage)) continue;
      const message = unpinnedMessage(stage.baseImage, 'Base image');
      if (message) report({ range: stage.baseImage.range, message, fixes: [typeAVersion(stage.baseImage)] });
    }
    for (const { throughArg, lines } of throughArgs.values()) {
      const message = unpinnedThroughArg(throughArg, lines);
      if (message) report({ range: throughArg.valueRange, message, fixes: [typeAVersionInArg(throughArg)] });
    }
    for (const reference of model.references) {
      if (reference.resolution.kind !== 'image' || isLocal(reference.resolution.image)) continue;
      const message = unpinnedMessage(reference.resolution.image, 'Image');
      if (message) report({ range: reference.range, message, fixes: [typeAVersion(reference.resolution.image)] });
    }
  },
});

/** Tags that name a channel, not a release: what they point to changes (`alpine:edge`, `node:lts-slim`). */
const MOVING_TAG = /^(latest|edge|nightly|main|master|rolling|unstable|testing|sid|dev|develop|canary|stable|lts|current)([-_.]|$)/i;

function unpinnedMessage(image: ImageReference, what: string): string | null {
  if (image.digest || image.text.toLowerCase() === 'scratch' || image.text === '') return null;
  const tag = image.tag?.value ?? null;
  if (image.hasVariables) {
    // `${REGISTRY}/app:latest`: whatever the variables say, the tag is written and moves.
    return tag !== null && !tag.includes('$') && MOVING_TAG.test(tag) ? `${what} '${image.text}' uses the moving tag '${tag}'; pin a version.` : null;
  }
  // A bare name that is no official image is built locally (`docker build -t app-base`): nothing to pin.
  if (!mayBePublicImage(image.text)) return null;
  if (tag === null) {
    return `${what} '${image.text}' has no tag, so it means whatever 'latest' is on the day of the build; pin a version ('${image.text}:<version>').`;
  }
  if (tag === 'latest') return `${what} '${image.text}' uses the 'latest' tag, which moves; pin a version.`;
  if (MOVING_TAG.test(tag)) return `${what} '${image.text}' uses the moving tag '${tag}'; pin a version.`;
  return null;
}

function unpinnedThroughArg(throughArg: ImageThroughArg, lines: readonly number[]): string | null {
  const resolved = throughArg.resolved;
  if (resolved.digest || resolved.text.toLowerCase() === 'scratch' || resolved.text === '' || !mayBePublicImage(resolved.text)) return null;
  const froms = lines.length === 1 ? `the FROM at line ${lines[0]}` : `the FROMs at lines ${lines.join(', ')}`;
  const is = `ARG ${throughArg.arg.name} makes ${froms} build on '${resolved.text}'`;
  if (!resolved.tag) return `${is}: no tag, so it means whatever 'latest' is on the day of the build; pin a version here.`;
  if (resolved.tag.value === 'latest') return `${is}: the 'latest' tag moves; pin a version here.`;
  if (MOVING_TAG.test(resolved.tag.value)) return `${is}: the tag '${resolved.tag.value}' moves; pin a version here.`;
  return null;
}

/** The offline fix for `FROM ${IMAGE}` / `FROM node:${TAG}`: the version goes in the ARG's default. */
function typeAVersionInArg(throughArg: ImageThroughArg): Fix {
  if (throughArg.part === 'tag') {
    return { title: `Pin a version in ARG ${throughArg.arg.name} (type it in)`, edits: [replace(throughArg.valueRange, '${1:<version>}')], unsafe: true, snippet: true };
  }
  return { ...typeAVersion(parseImageReference(throughArg.arg.defaultValue ?? '', throughArg.valueRange)), title: `Pin a version in ARG ${throughArg.arg.name} (type it in)` };
}

/**
 * The offline fix: a version placeholder where the tag goes, for the user to fill in. The editor
 * adds registry look-ups ("Pin to node:20.18.0") when the user opens the quick-fix menu.
 */
function typeAVersion(image: ImageReference): Fix {
  const edit = image.tag
    ? replace(image.tag.range, '${1:<version>}')
    : insertAt(image.repository.range.end, ':${1:<version>}');
  return { title: 'Pin a version (type it in)', edits: [edit], unsafe: true, snippet: true };
}
