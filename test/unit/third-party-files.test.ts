import assert from '../support/assert';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFORMANCE, CORPUS, VSCODE_EXTENSIONS } from '../support/third-party';

/** What git keeps of the project: every file but the ignored build output and installs. */
const IGNORED = new Set(['.git', 'node_modules', 'dist', 'out', 'bench-results', 'fuzz-results', 'test-results', '.vscode-test']);

function projectFiles(folder = '.'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.endsWith('.vsix') || entry.name.endsWith('.cpuprofile')) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...projectFiles(file));
    else if (entry.isFile()) found.push(file);
  }
  return found;
}

// The phrases that open other projects' licence texts and headers, each with a '·' that is taken
// out before use, so that this file does not carry them.
const LICENCE_PHRASES = [
  'Licensed under the ·Apache License',
  'Apache License, ·Version 2.0',
  'Permission is hereby granted, ·free of charge',
  'SPDX-License-·Identifier',
  'GNU General ·Public License',
  'GNU Affero ·General Public License',
  'Mozilla ·Public License',
  'Redistribution and use in source and ·binary forms',
  'THE SOFTWARE IS PROVIDED ·"AS IS"',
].map((phrase) => phrase.replace('·', ''));

/** Our own licence, the one file allowed to carry a licence text. */
const OWN_LICENCE = 'LICENSE';

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function filesUnder(folder: string, keep: (file: string) => boolean = () => true): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(file, keep));
    else if (entry.isFile() && keep(file)) found.push(file);
  }
  return found;
}

describe('the repository holds only what this team wrote', () => {
  const files = projectFiles();

  it('has no licence or notice file of another project', () => {
    const named = files.filter((file) => file !== OWN_LICENCE && /^(licen[cs]e|notice|copying)(\.(md|txt|rst)|[-_][\w.-]*)?$/i.test(path.basename(file)));
    assert.deepEqual(named, []);
  });

  it('has no file that carries a licence header or licence text', () => {
    const carrying: string[] = [];
    for (const file of files) {
      if (file === OWN_LICENCE || statSync(file).size > 4_000_000) continue;
      const text = readFileSync(file, 'latin1');
      const phrase = LICENCE_PHRASES.find((p) => text.includes(p));
      if (phrase) carrying.push(`${file}: "${phrase}"`);
    }
    assert.deepEqual(carrying, []);
  });

  it('has no copy of a file of the corpus, the conformance data or the grammars VS Code ships', () => {
    const theirs = new Map<string, string>();
    const sources = [
      ...filesUnder(CORPUS),
      ...filesUnder(CONFORMANCE),
      ...filesUnder(VSCODE_EXTENSIONS, (file) => file.includes(`${path.sep}syntaxes${path.sep}`)),
    ];
    for (const file of sources) if (statSync(file).size > 64) theirs.set(hash(file), file);
    const copies = files.filter((file) => statSync(file).size > 64 && theirs.has(hash(file))).map((file) => `${file} = ${theirs.get(hash(file))}`);
    assert.deepEqual(copies, []);
  });
});
