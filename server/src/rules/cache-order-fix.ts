import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction } from '../model/types';
import { firstOperand } from '../shell/packages';
import type { RunScript, SimpleCommand } from '../shell/types';
import { insertAt, replace } from './edits';
import type { Fix } from './rule';

/**
 * How to install an ecosystem's dependencies from its manifests alone, before the sources come:
 * the files to copy, and the step to run on them. `moves`: the install itself needs nothing else
 * and leaves its RUN; otherwise a dependencies-only step goes first and the install stays where it
 * is (it then finds its dependencies in place). `review`: the step is right for the common layout
 * only (project files in subfolders, Yarn's own settings, Maven modules), so fix-all and `--fix`
 * leave it to the user. Lock files are copied through a wildcard (`go.sum*`): a project without one
 * (a Go module with no dependencies has no go.sum) must still build, and BuildKit lets a wildcard
 * match nothing.
 */
interface DependencyStep {
  readonly files: string;
  readonly step: string;
  readonly moves: boolean;
  readonly review: boolean;
}

const has = (install: SimpleCommand, ...flags: string[]): boolean => install.args.some((a) => flags.includes((a.value ?? '').replace(/=.*$/, '')));

function dependencyStep(install: SimpleCommand, installText: string): DependencyStep | null {
  const same = (files: string, review = false): DependencyStep => ({ files, step: installText, moves: true, review });
  // The install's own words with options added: `poetry install --no-root --only main`.
  const withOptions = (files: string, ...options: string[]): DependencyStep => {
    const verb = install.args.find((a) => a.value === firstOperand(install.args));
    const missing = options.filter((o) => !has(install, o));
    if (missing.length === 0) return same(files);
    const at = verb ? verb.end - install.start : installText.length;
    return { files, step: `${installText.slice(0, at)} ${missing.join(' ')}${installText.slice(at)}`, moves: false, review: false };
  };
  switch (install.program) {
    case 'npm':
      return same('package*.json');
    case 'yarn':
      // Yarn 2+ reads .yarnrc.yml and .yarn/releases, which a plain manifest copy leaves behind.
      return same('package.json yarn.lock*', true);
    case 'pnpm':
      // A workspace's other package.json files are needed too.
      return same('package.json pnpm-lock.yaml*', true);
    case 'pip':
    case 'pip3':
    case 'python':
    case 'python3': {
      const r = install.args.findIndex((a) => a.value === '-r' || a.value === '--requirement');
      const file = r >= 0 ? install.args[r + 1]?.value : null;
      return file && !file.startsWith('/') && !file.includes('$') ? same(file) : null;
    }
    case 'poetry':
      return withOptions('pyproject.toml poetry.lock*', '--no-root');
    case 'pipenv':
      return same('Pipfile Pipfile.lock*');
    case 'uv':
      return firstOperand(install.args) === 'sync' ? withOptions('pyproject.toml uv.lock*', '--no-install-project') : null;
    case 'go':
      return same('go.mod go.sum*');
    case 'bundle':
      return same('Gemfile Gemfile.lock*');
    case 'composer':
      // Its scripts (artisan package:discover…) and the autoloader need the sources.
      return withOptions('composer.json composer.lock*', '--no-scripts', '--no-autoloader');
    case 'dotnet': {
      // `dotnet publish` needs the sources: restore first. Project files in subfolders need their own COPY.
      const verb = firstOperand(install.args);
      if (install.args.some((a) => /\.(cs|fs|vb)proj$|\.sln$/.test(a.value ?? ''))) return null;
      return verb === 'restore' ? same('*.csproj', true) : { files: '*.csproj', step: 'dotnet restore', moves: false, review: true };
    }
    case 'mvn': {
      // Any other goal compiles the sources; a multi-module build needs every module's pom.
      const goals = install.args.map((a) => a.value ?? '').filter((v) => !v.startsWith('-'));
      return goals.length > 0 && goals.every((g) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(g)) ? same('pom.xml', true) : null;
    }
    default:
      // cargo build, gradle, mvnw: no step on the manifests alone builds without the sources.
      return null;
  }
}

/**
 * "Copy the manifests first": `COPY <manifests> <dest>` and the dependencies step above the
 * whole-context COPY. Only for a one-line RUN whose first command is the install, run in the
 * folder the sources are copied to.
 */
export function cacheOrderFix(model: DockerfileModel, wholeCopy: Instruction, run: Instruction, script: RunScript, install: SimpleCommand, inCopiedFolder: boolean): Fix | null {
  if (!inCopiedFolder) return null;
  if (run.range.start.line !== run.range.end.line || wholeCopy.range.start.line !== wholeCopy.range.end.line || run.heredocs.length > 0 || run.jsonForm) return null;
  if (script.commands[0] !== install || install.nested || install.conditional) return null;
  const installText = script.text.slice(install.start, install.end);
  const dependencies = dependencyStep(install, installText);
  if (!dependencies) return null;
  const line = lineText(model, run.range.start.line);
  const commandStart = run.flags.length > 0 ? (run.flags[run.flags.length - 1] as Instruction['flags'][number]).range.end.character : run.keywordRange.end.character;
  const prefix = line.slice(0, commandStart);
  if (/^\s*(\|\||\|)/.test(script.text.slice(install.end))) return null;
  const rest = script.text.slice(install.end).replace(/^\s*(&&|;)\s*/, '').trim();
  const destination = wholeCopy.args[wholeCopy.args.length - 1]?.value ?? '.';
  const directory = destination.endsWith('/') ? destination : `${destination === '.' ? '.' : destination}/`;
  const indent = /^\s*/.exec(lineText(model, wholeCopy.range.start.line))?.[0] ?? '';
  const nl = lineBreak(model);
  const edits = [insertAt({ line: wholeCopy.range.start.line, character: 0 }, `${indent}COPY ${dependencies.files} ${directory}${nl}${prefix.trimEnd()} ${dependencies.step}${nl}`)];
  if (dependencies.moves) {
    edits.push(
      rest
        ? replace({ start: { line: run.range.start.line, character: commandStart }, end: run.range.end }, ` ${rest}`)
        : removeLine(model, run.range.start.line),
    );
  }
  const title = dependencies.moves
    ? `Copy ${dependencies.files} first and install before COPY ${wholeCopy.args[0]?.value ?? '.'}`
    : `Copy ${dependencies.files} first and run '${dependencies.step}' before COPY ${wholeCopy.args[0]?.value ?? '.'}`;
  return dependencies.review ? { title: `${title} (check the manifests' paths)`, edits, unsafe: true } : { title, edits, preferred: true };
}

/** The whole line, with its line break; the last line of a file without one goes with the break before it. */
function removeLine(model: DockerfileModel, line: number) {
  if (line + 1 < model.lineStarts.length) return replace({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, '');
  return replace({ start: { line: line - 1, character: lineText(model, line - 1).length }, end: { line, character: lineText(model, line).length } }, '');
}
