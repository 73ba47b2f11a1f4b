import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig, type ProjectConfig } from '../../../common/settings';
import { readBuildContext } from '../node/build-context';
import { findProjectConfigFile, readTextOrNull } from '../node/project-config-file';
import { lint, type Problem } from '../engine/lint';
import { buildModel } from '../model/model-builder';
import { lineText } from '../model/queries';
import { findDockerfiles, isFolder } from './find-dockerfiles';

declare const PACKAGE_VERSION: string;

const USAGE = `Usage: dockerfile-stages check [paths...]

Checks Dockerfiles (files, or folders searched for Dockerfile, *.Dockerfile,
Dockerfile.*, Containerfile) with the same rules as the editor.

Options:
  --help       show this help
  --version    show the version`;

const SEVERITY_RANK = { hint: 0, info: 1, warning: 2, error: 3 } as const;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = argv;
  if (command !== 'check') {
    process.stderr.write(`dockerfile-stages: unknown command '${command ?? ''}'. Run 'dockerfile-stages --help'.\n`);
    return 2;
  }
  const files: string[] = [];
  for (const p of paths.length > 0 ? paths : ['.']) {
    if (isFolder(p)) files.push(...findDockerfiles(p));
    else files.push(p);
  }
  let worst = -1;
  let total = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`dockerfile-stages: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    const model = buildModel(text);
    const project = projectConfigFor(file);
    if (project === null) return 2;
    const { problems } = lint(model, {
      severities: project.rules,
      ...(project.target ? { target: project.target } : {}),
      buildContext: readBuildContext(path.resolve(file)),
    });
    total += problems.length;
    for (const problem of problems) {
      worst = Math.max(worst, SEVERITY_RANK[problem.severity]);
      process.stdout.write(formatProblem(file, problem, lineText(model, problem.range.start.line)));
    }
  }
  process.stdout.write(`${files.length} file${files.length === 1 ? '' : 's'} checked, ${total} problem${total === 1 ? '' : 's'}.\n`);
  return worst >= SEVERITY_RANK.warning ? 1 : 0;
}

/** The `.dockerfile-stages.json` that applies to a file; null (after a message) when it is broken. */
function projectConfigFor(file: string): ProjectConfig | null {
  const found = findProjectConfigFile(path.dirname(path.resolve(file)), readTextOrNull);
  if (!found) return { rules: {} };
  const { config, errors } = parseProjectConfig(found.text);
  if (errors.length > 0) {
    process.stderr.write(`dockerfile-stages: ${found.file}: ${errors.join('; ')}\n`);
    return null;
  }
  return config;
}

function formatProblem(file: string, problem: Problem, line: string): string {
  const { start } = problem.range;
  return `${file}:${start.line + 1}:${start.character + 1} ${problem.severity} ${problem.ruleId} ${problem.message}\n    ${line.trim()}\n`;
}

process.exitCode = main(process.argv.slice(2));
