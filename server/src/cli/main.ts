import { readFileSync } from 'node:fs';
import { buildModel } from '../model/model-builder';
import { RULES } from '../rules/index';
import { parseCommand, UsageError, type Command } from './args';
import { addShellCheck, runCheck, type FileResult, type PinFixes } from './check-command';
import { lookUpPins, unpinnedImages } from './pin-fixes';
import { imageFactsFor } from './image-facts';
import { formatGithub, formatJson, formatSarif, formatText, SEVERITY_RANK } from './formats';
import { formatGraph, stageGraph } from './graph';
import { runBuild } from './build-command';
import { loadShellParser } from '../node/shell-parser';

declare const PACKAGE_VERSION: string;

const USAGE = `dockerfile-stages — the multi-stage Dockerfile checker (same rules as the editor)

Usage:
  dockerfile-stages check [paths...] [options]   check files, folders (searched for Dockerfile,
                                                 *.Dockerfile, Dockerfile.*, Containerfile) or - (stdin)
  dockerfile-stages graph <file> [--format mermaid|dot|json]
  dockerfile-stages rules [--format md|json]
  dockerfile-stages build <file> [--target <stage>] [--format text|json] [--context <dir>]
                    [--engine docker] [-- <docker build arguments>]
                                                 build with docker (argv, no shell) and print what
                                                 each instruction took: its time or cached, the
                                                 layer it added; progress goes to stderr. Arguments
                                                 after -- go to docker build as they are
                                                 (e.g. --network=none). Exit code: the build's.

Options of check:
  -f, --format text|json|sarif|github   output format (default text)
  --fail-level error|warning|info|none  exit 1 when a problem is at or above it (default warning)
  --rule <id>=<severity>                override a rule: off, hint, info, warning, error (repeatable)
  --config <file>                       use this .dockerfile-stages.json instead of looking for one
  --target <stage>                      the stage that is built and ships (default: what the
                                        workspace's compose, Bake and CI files say)
  --platform <os/arch[/variant]>        the platform TARGETARCH and the other automatic build
                                        arguments take (default: this machine's)
  --shellcheck auto|off|<path>          check the shell of each RUN with ShellCheck (default auto:
                                        when a shellcheck binary is on PATH)
  --images none|cache|lookup            where facts of base images come from: none the built-in
                                        table; cache (default) also the local engine (docker image
                                        inspect) and earlier look-ups on disk, never the network;
                                        lookup also their registries
  --images-cache <folder>               where look-ups are kept (default
                                        $XDG_CACHE_HOME/dockerfile-stages/images or ~/.cache/…)
  --fix                                 apply the safe fixes in place and report them; with
                                        --images lookup also pin unpinned images to the release
                                        tag their registry says they mean today
  --explain                             say what each stage is for (its role, whether its layers
                                        ship and whether it runs as a deployed process) and why;
                                        with --format json, a "stages" list per file
  -q, --quiet                           print only the problems
  -h, --help, --version

Exit codes: 0 no problem at or above the fail level, 1 problems, 2 usage error, unreadable file or bad config.`;

const FAIL_RANK = { error: 3, warning: 2, info: 1, none: Number.POSITIVE_INFINITY } as const;

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${PACKAGE_VERSION}\n`);
      return 0;
    case 'rules':
      process.stdout.write(command.format === 'json' ? rulesJson() : rulesMarkdown());
      return 0;
    case 'graph': {
      let text: string;
      try {
        text = readFileSync(command.file, 'utf8');
      } catch {
        throw new UsageError(`Cannot read ${command.file}.`);
      }
      process.stdout.write(formatGraph(stageGraph(buildModel(text)), command.format));
      return 0;
    }
    case 'build':
      return runBuild(
        command,
        (text) => void process.stdout.write(text),
        (text) => void process.stderr.write(text),
      );
    case 'check': {
      const warn = (message: string): void => void process.stderr.write(`dockerfile-stages: ${message}\n`);
      let stdin: string | null = null;
      const readStdin = (): string => (stdin ??= readFileSync(0, 'utf8'));
      const imageFacts = await imageFactsFor(command, readStdin, warn);
      const results = await addShellCheck(runCheck(command, readStdin, imageFacts, await pinsFor(command, readStdin, imageFacts, warn)), command.shellcheck, warn);
      process.stdout.write(render(results, command));
      const worst = Math.max(-1, ...results.flatMap((r) => r.problems.map((p) => SEVERITY_RANK[p.severity])));
      return worst >= FAIL_RANK[command.failLevel] ? 1 : 0;
    }
  }
}

/**
 * With `--fix --images lookup`, what the registries say of the unpinned images: a first check
 * that changes nothing finds them, so each registry is asked once whatever the number of files.
 */
async function pinsFor(command: Extract<Command, { name: 'check' }>, readStdin: () => string, imageFacts: Parameters<typeof runCheck>[2], warn: (message: string) => void): Promise<PinFixes | null> {
  if (!command.fix || command.images !== 'lookup') return null;
  const images = runCheck({ ...command, fix: false }, readStdin, imageFacts).flatMap((result) => (result.model ? unpinnedImages(result.model, result.problems) : []));
  return images.length === 0 ? null : { answers: await lookUpPins(images), warn };
}

function render(results: readonly FileResult[], command: Extract<Command, { name: 'check' }>): string {
  switch (command.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, PACKAGE_VERSION);
    case 'github':
      return formatGithub(results);
    case 'text': {
      const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env);
      return formatText(results, { color }, command.quiet);
    }
  }
}

function rulesJson(): string {
  const rules = RULES.map((r) => ({ id: r.id, severity: r.severity, summary: r.summary, ...(r.buildkit ? { buildkit: r.buildkit } : {}), ...(r.hadolint ? { hadolint: r.hadolint } : {}) }));
  return `${JSON.stringify(rules, null, 2)}\n`;
}

function rulesMarkdown(): string {
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | what it reports |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

async function main(): Promise<void> {
  try {
    const command = parseCommand(process.argv.slice(2));
    if (command.name === 'check') {
      // RUN is read as shell with a WebAssembly grammar; without it, rules that read RUN stay silent.
      await loadShellParser().catch((error: unknown) => process.stderr.write(`dockerfile-stages: the shell parser did not load (${error instanceof Error ? error.message : String(error)}); rules that read RUN are silent.\n`));
    }
    process.exitCode = await run(command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dockerfile-stages: ${error.message}\n`);
    process.exitCode = 2;
  }
}

void main();
