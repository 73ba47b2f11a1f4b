import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';
import { insertAt, replace } from './edits';
import type { Fix } from './rule';

/** The manifest files each install needs, by the command that installs. */
const MANIFESTS: readonly { readonly pattern: RegExp; readonly files: (command: string) => string | null }[] = [
  { pattern: /^npm\s/, files: () => 'package*.json' },
  { pattern: /^yarn(\s|$)/, files: () => 'package.json yarn.lock' },
  { pattern: /^pnpm\s/, files: () => 'package.json pnpm-lock.yaml' },
  { pattern: /^(pip3?|python3?\s+-m\s+pip)\s/, files: (command) => /-r\s+(\S+)/.exec(command)?.[1]?.replace(/^\/.*/, '') || null },
  { pattern: /^poetry\s/, files: () => 'pyproject.toml poetry.lock' },
  { pattern: /^pipenv\s/, files: () => 'Pipfile Pipfile.lock' },
  { pattern: /^uv\s/, files: () => 'pyproject.toml uv.lock' },
  { pattern: /^go\s+mod\s/, files: () => 'go.mod go.sum' },
  { pattern: /^(mvn|\.\/mvnw)\s/, files: () => 'pom.xml' },
  { pattern: /^bundle(\s|$)/, files: () => 'Gemfile Gemfile.lock' },
  { pattern: /^composer\s/, files: () => 'composer.json composer.lock' },
  { pattern: /^dotnet\s+restore/, files: () => '*.csproj' },
];

/**
 * "Copy the manifests first": `COPY <manifests> <dest>` and the install, above the whole-context
 * COPY; the install leaves its RUN (which keeps the rest of its commands). Only for a one-line RUN
 * whose first command is the install.
 */
export function cacheOrderFix(model: DockerfileModel, wholeCopy: Instruction, run: Instruction): Fix | null {
  if (run.range.start.line !== run.range.end.line || wholeCopy.range.start.line !== wholeCopy.range.end.line) return null;
  const line = lineText(model, run.range.start.line);
  const commandStart = run.flags.length > 0 ? (run.flags[run.flags.length - 1] as Instruction['flags'][number]).range.end.character : run.keywordRange.end.character;
  const prefix = line.slice(0, commandStart);
  const commands = line.slice(commandStart).split('&&');
  const install = (commands[0] ?? '').trim();
  const files = MANIFESTS.find((entry) => entry.pattern.test(install))?.files(install);
  if (!files) return null;
  const destination = wholeCopy.args[wholeCopy.args.length - 1]?.value ?? '.';
  const directory = destination.endsWith('/') ? destination : `${destination === '.' ? '.' : destination}/`;
  const indent = /^\s*/.exec(lineText(model, wholeCopy.range.start.line))?.[0] ?? '';
  const nl = lineBreak(model);
  const rest = commands.slice(1).join('&&').trim();
  const edits = [
    insertAt({ line: wholeCopy.range.start.line, character: 0 }, `${indent}COPY ${files} ${directory}${nl}${prefix.trimEnd()} ${install}${nl}`),
    rest
      ? replace({ start: { line: run.range.start.line, character: commandStart }, end: run.range.end }, ` ${rest}`)
      : replace({ start: { line: run.range.start.line, character: 0 }, end: { line: run.range.start.line + 1, character: 0 } }, ''),
  ];
  return { title: `Copy ${files} first and install before COPY ${wholeCopy.args[0]?.value ?? '.'}`, edits, preferred: true };
}
