import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';
import type { RunScript, SimpleCommand } from '../shell/types';
import { insertAt, replace } from './edits';
import type { Fix } from './rule';

/** The manifest files an install needs, by the program that installs. */
function manifestsOf(install: SimpleCommand): string | null {
  switch (install.program) {
    case 'npm':
      return 'package*.json';
    case 'yarn':
      return 'package.json yarn.lock';
    case 'pnpm':
      return 'package.json pnpm-lock.yaml';
    case 'pip':
    case 'pip3':
    case 'python':
    case 'python3': {
      const r = install.args.findIndex((a) => a.value === '-r' || a.value === '--requirement');
      const file = r >= 0 ? install.args[r + 1]?.value : null;
      return file && !file.startsWith('/') ? file : null;
    }
    case 'poetry':
      return 'pyproject.toml poetry.lock';
    case 'pipenv':
      return 'Pipfile Pipfile.lock';
    case 'uv':
      return 'pyproject.toml uv.lock';
    case 'go':
      return 'go.mod go.sum';
    case 'mvn':
    case 'mvnw':
      return 'pom.xml';
    case 'bundle':
      return 'Gemfile Gemfile.lock';
    case 'composer':
      return 'composer.json composer.lock';
    case 'dotnet':
      return '*.csproj';
    default:
      return null;
  }
}

/**
 * "Copy the manifests first": `COPY <manifests> <dest>` and the install, above the whole-context
 * COPY; the install leaves its RUN (which keeps the rest of its commands). Only for a one-line RUN
 * whose first command is the install.
 */
export function cacheOrderFix(model: DockerfileModel, wholeCopy: Instruction, run: Instruction, script: RunScript, install: SimpleCommand): Fix | null {
  if (run.range.start.line !== run.range.end.line || wholeCopy.range.start.line !== wholeCopy.range.end.line || run.heredocs.length > 0 || run.jsonForm) return null;
  if (script.commands[0] !== install || install.nested || install.conditional) return null;
  const files = manifestsOf(install);
  if (!files) return null;
  const line = lineText(model, run.range.start.line);
  const commandStart = run.flags.length > 0 ? (run.flags[run.flags.length - 1] as Instruction['flags'][number]).range.end.character : run.keywordRange.end.character;
  const prefix = line.slice(0, commandStart);
  const installText = script.text.slice(install.start, install.end);
  if (/^\s*(\|\||\|)/.test(script.text.slice(install.end))) return null;
  const rest = script.text.slice(install.end).replace(/^\s*(&&|;)\s*/, '').trim();
  const destination = wholeCopy.args[wholeCopy.args.length - 1]?.value ?? '.';
  const directory = destination.endsWith('/') ? destination : `${destination === '.' ? '.' : destination}/`;
  const indent = /^\s*/.exec(lineText(model, wholeCopy.range.start.line))?.[0] ?? '';
  const nl = lineBreak(model);
  const edits = [
    insertAt({ line: wholeCopy.range.start.line, character: 0 }, `${indent}COPY ${files} ${directory}${nl}${prefix.trimEnd()} ${installText}${nl}`),
    rest
      ? replace({ start: { line: run.range.start.line, character: commandStart }, end: run.range.end }, ` ${rest}`)
      : replace({ start: { line: run.range.start.line, character: 0 }, end: { line: run.range.start.line + 1, character: 0 } }, ''),
  ];
  return { title: `Copy ${files} first and install before COPY ${wholeCopy.args[0]?.value ?? '.'}`, edits, preferred: true };
}
