import { shellCheckInputs, shellCheckProblems, type ShellCheckComment, type ShellCheckInput } from '../engine/shellcheck';
import { builtInFacts, type SourcedFacts } from '../images/image-facts';
import type { DockerfileModel } from '../model/types';
import { findShellCheck, ShellCheckRunner } from '../node/shellcheck-runner';
import { formatPlatform, parsePlatform, platformOf } from '../words/platform';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configuredContext, parseProjectConfig, type ProjectConfig } from '../../../common/settings';
import { closestName, unknownTargetMessage } from '../config/project-config-check';
import { RULES } from '../rules/index';
import { automaticFileFix, settleFixAll } from '../engine/fix-all';
import { applyEdits } from '../engine/text-edits';
import { pinEdits, type PinAnswers } from './pin-fixes';
import { lint, shippingFor, type Problem } from '../engine/lint';
import { stagePurposes, type StagePurpose } from '../model/shipping';
import { buildModel } from '../model/model-builder';
import { lineText } from '../model/queries';
import { readBuildContext } from '../node/build-context';
import { findProjectConfigFile, readTextOrNull } from '../node/project-config-file';
import { UsageError, type Command } from './args';
import { contextFromWorkspace, scanWorkspace, relativeToWorkspace, usesOf, workspaceRootOf, type ScannedWorkspace } from '../node/workspace-scan';
import { findDockerfiles, isFolder } from '../node/find-dockerfiles';

type ImageFactsOf = (image: string) => SourcedFacts | null;

export interface FileResult {
  /** The path as given (or found), `-` for standard input. */
  readonly file: string;
  readonly problems: Problem[];
  /** The text of a line, for excerpts. */
  readonly line: (index: number) => string;
  /** Why the file was not checked (a binary file). */
  readonly skipped?: string;
  /** How many problems --fix fixed. */
  readonly fixed?: number;
  /** What each stage is for, with why (`--explain`). */
  readonly stages?: readonly StagePurpose[];
  /** The checked text's model. */
  readonly model?: DockerfileModel;
  /** The RUNs ShellCheck can read, and how to map its findings back. */
  readonly shellCheck?: { readonly model: DockerfileModel; readonly inputs: readonly ShellCheckInput[]; readonly severities: Readonly<Record<string, string>> };
}

/**
 * Adds ShellCheck's findings on each file's RUNs (one ShellCheck process per shell for all files).
 * A missing binary is silent unless one was named; a failing one is reported, never fatal.
 */
export async function addShellCheck(results: FileResult[], setting: string, warn: (message: string) => void): Promise<FileResult[]> {
  if (setting === 'off') return results;
  const found = findShellCheck(setting === 'auto' ? null : setting);
  if (found.problem) warn(found.problem);
  if (!found.path) return results;
  const runner = new ShellCheckRunner(found.path);
  let answers: Map<string, readonly ShellCheckComment[]>;
  try {
    answers = await runner.check(results.flatMap((r) => r.shellCheck?.inputs ?? []));
  } catch (error) {
    warn(`ShellCheck failed: ${error instanceof Error ? error.message : String(error)}`);
    return results;
  }
  return results.map((result) => {
    const check = result.shellCheck;
    if (!check) return result;
    const added = check.inputs
      .flatMap((input) => shellCheckProblems(check.model, input, answers.get(input.key) ?? []))
      .filter((problem) => check.severities[problem.ruleId] !== 'off')
      .map((problem) => {
        const severity = check.severities[problem.ruleId];
        return severity && severity !== 'off' ? { ...problem, severity: severity as Problem['severity'] } : problem;
      });
    const problems = [...result.problems, ...added].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ...result, problems };
  });
}


type CheckCommand = Extract<Command, { name: 'check' }>;

/** The registries' answers `--fix --images lookup` writes pins from, and where it says what it left. */
export interface PinFixes {
  readonly answers: PinAnswers;
  readonly warn: (message: string) => void;
}

/** The files a command names, with the folder each was found under (its workspace). */
export function listFiles(command: CheckCommand): { file: string; root: string | null }[] {
  const files: { file: string; root: string | null }[] = [];
  for (const p of command.paths) {
    if (p === '-') files.push({ file: '-', root: null });
    else if (isFolder(p)) {
      const found = findDockerfiles(p);
      if (found.length === 0) throw new UsageError(`No Dockerfiles found under ${p}.`);
      // The folder given is the workspace: its build files say what ships.
      files.push(...found.map((file) => ({ file, root: p })));
    } else files.push({ file: p, root: null });
  }
  return files;
}

/** Checks every file the command names. Throws UsageError for what makes the run impossible. */
export function runCheck(command: CheckCommand, readStdin: () => string, imageFacts: ImageFactsOf = builtInFacts, pins: PinFixes | null = null): FileResult[] {
  const explicitConfig =
    command.config === null ? null : { config: loadConfig(command.config, readTextOrNull(command.config)), folder: path.dirname(path.resolve(command.config)), file: command.config };
  const files = listFiles(command);
  if (command.fix && files.some((f) => f.file === '-')) throw new UsageError('--fix changes files in place; it cannot be used with standard input.');
  const workspaces = new Map<string, ScannedWorkspace>();
  const workspaceOf = (file: string, given: string | null): ScannedWorkspace => {
    const root = workspaceRootOf(file, given);
    let workspace = workspaces.get(root);
    if (!workspace) {
      workspace = scanWorkspace(root);
      workspaces.set(root, workspace);
      for (const problem of workspace.index.problems) process.stderr.write(`dockerfile-stages: ${path.join(root, problem.file)}: ${problem.message}\n`);
    }
    return workspace;
  };
  return files.map(({ file, root }) =>
    checkFile(command, file, file === '-' ? readStdin() : readFile(file), explicitConfig, file === '-' ? null : workspaceOf(file, root), imageFacts, pins),
  );
}

export function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}.`);
  }
}

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

function loadConfig(file: string, text: string | null): ProjectConfig {
  if (text === null) throw new UsageError(`Cannot read the configuration ${file}.`);
  const { config, errors } = parseProjectConfig(text, RULE_IDS);
  const said = errors.map((error) => {
    const unknown = /^unknown rule '(.*)'$/.exec(error);
    const closest = unknown ? closestName(unknown[1] as string, RULE_IDS) : null;
    return closest ? `${error} (did you mean '${closest}'?)` : error;
  });
  if (said.length > 0) throw new UsageError(`${file}: ${said.join('; ')}.`);
  return config;
}

function checkFile(
  command: CheckCommand,
  file: string,
  original: string,
  explicitConfig: { config: ProjectConfig; folder: string; file: string } | null,
  workspace: ScannedWorkspace | null,
  imageFacts: ImageFactsOf,
  pins: PinFixes | null,
): FileResult {
  if (original.slice(0, 8000).includes('\u0000')) return { file, problems: [], line: () => '', skipped: 'binary file, not a Dockerfile' };
  const absolute = file === '-' ? null : path.resolve(file);
  let found = explicitConfig;
  if (!found && absolute) {
    const located = findProjectConfigFile(path.dirname(absolute), readTextOrNull);
    found = located ? { config: loadConfig(located.file, located.text), folder: path.dirname(located.file), file: located.file } : null;
  }
  // A configured target that names no stage would check the wrong image: refuse, as BuildKit would.
  if (found?.config.target && !command.target) {
    const stageNames = buildModel(original).stages.flatMap((stage) => (stage.name === null ? [] : [stage.name]));
    const unknown = unknownTargetMessage(found.config.target, [{ file: file === '-' ? 'standard input' : file, stageNames }]);
    if (unknown) throw new UsageError(`${found.file}: target ${unknown}`);
  }
  const config = found?.config ?? null;
  const { uses, references } = workspace && absolute ? usesOf(workspace, absolute) : { uses: [], references: [] };
  const configured = found && absolute ? configuredContext(found.config, found.folder, absolute) : null;
  const contextFolder = configured ? { folder: configured, assumed: false } : workspace && absolute ? contextFromWorkspace(workspace, absolute, references) : null;
  const target = command.target ?? config?.target;
  const platform = command.platform ?? config?.platform ?? formatPlatform(platformOf(process.platform, process.arch));
  let options = {
    severities: { ...(config?.rules ?? {}), ...command.rules },
    ...(target ? { target } : {}),
    platform,
    uses,
    ...(absolute ? { fileName: workspace ? relativeToWorkspace(workspace, absolute) : path.basename(absolute) } : {}),
    targetFiles: workspace?.index.files ?? [],
    ...(workspace ? { localImages: workspace.localImages, namedContexts: workspace.namedContexts } : {}),
    buildContext: absolute && contextFolder ? readBuildContext(absolute, contextFolder.folder, contextFolder.assumed) : null,
    imageFacts,
  };
  let text = original;
  let fixed = 0;
  if (command.fix) {
    ({ text, fixed } = settleFixAll(text, (next) => lint(buildModel(next), options).problems));
    if (pins) {
      const settled = buildModel(text);
      const pinned = pinEdits(settled, lint(settled, options).problems, pins.answers, (message) => pins.warn(`${file}: ${message}`));
      if (pinned.edits.length > 0) {
        text = applyEdits(text, pinned.edits);
        fixed += pinned.fixed;
      }
    }
    if (text !== original) writeFileSync(file, text);
  }
  const model = buildModel(text);
  let problems = lint(model, options).problems;
  if (command.fix && absolute) {
    const created = createFixFiles(problems, path.dirname(absolute));
    fixed += created;
    // The new files (a .dockerignore) are in the build context: lint again with it.
    if (created > 0 && contextFolder) {
      options = { ...options, buildContext: readBuildContext(absolute, contextFolder.folder, contextFolder.assumed) };
      problems = lint(model, options).problems;
    }
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const shellCheck = { model, inputs: shellCheckInputs(model, imageFacts, parsePlatform(platform) ?? undefined), severities: options.severities };
  const stages = command.explain ? { stages: stagePurposes(model, shippingFor(model, options)) } : {};
  return { file, problems, model, line: (index) => lineText(model, index), ...(command.fix ? { fixed } : {}), ...stages, shellCheck };
}

/**
 * The files safe fixes create (a missing `.dockerignore`), written beside the Dockerfile: never
 * over an existing file, never outside its folder. Returns how many problems they fixed.
 */
function createFixFiles(problems: readonly Problem[], folder: string): number {
  let fixed = 0;
  for (const problem of problems) {
    const fix = automaticFileFix(problem);
    if (!fix?.createFiles) continue;
    let wrote = false;
    for (const file of fix.createFiles) {
      const target = path.resolve(folder, file.path);
      if (!target.startsWith(folder + path.sep) || existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content, { flag: 'wx' });
      wrote = true;
    }
    if (wrote) fixed++;
  }
  return fixed;
}
