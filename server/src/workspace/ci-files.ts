import { parse as parseJsonc, parseTree, type ParseError } from 'jsonc-parser';
import { jsonStringSpan, optional, scriptTargetSpan } from './field-spans';
import { findBuildCommands, type BuildCommand } from './build-commands';
import { basename, dirname, joinPath } from './paths';
import type { FieldSpan, IndexProblem, TargetPurpose, TargetReference, WorkspaceFile } from './types';
import { asString, isRecord, plainNode, readYaml, valueAt } from './yaml-nodes';

type Found = { references: TargetReference[]; problems: IndexProblem[] };

export function isGithubWorkflow(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);
}
export function isGitlabCi(path: string): boolean {
  return /(^|\/)\.gitlab-ci\.ya?ml$/i.test(path) || /^\.gitlab\/ci\/.+\.ya?ml$/i.test(path) || /(^|\/)\.ci\/[^/]+\.gitlab-ci\.ya?ml$/i.test(path);
}
export function isDevcontainer(path: string): boolean {
  return /(^|\/)\.devcontainer(\/[^/]+)?\/devcontainer\.json$/i.test(path) || /(^|\/)\.devcontainer\.json$/i.test(path);
}
export function isSkaffold(path: string): boolean {
  return /^skaffold(\.[\w-]+)?\.ya?ml$/i.test(basename(path));
}
export function isBuildScript(path: string): boolean {
  const name = basename(path);
  return /^(Makefile|GNUmakefile|makefile)$/.test(name) || /\.(mk|sh|bash)$/.test(name) || /^(Justfile|justfile|Taskfile\.ya?ml)$/.test(name);
}

const EXPRESSION = /\$\{\{/;

/** `docker/build-push-action` steps and `docker build` commands in `run:` steps. */
export function githubTargets(file: WorkspaceFile, exists: (path: string) => boolean): Found {
  const yaml = readYaml(file.text);
  if (typeof yaml === 'string') return { references: [], problems: [{ file: file.path, message: `not read for build targets: ${yaml}` }] };
  const references: TargetReference[] = [];
  const jobs = valueAt(yaml, ['jobs']);
  if (!isRecord(jobs)) return { references, problems: [] };
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isRecord(job) || !Array.isArray(job.steps)) continue;
    const testJob = /test|lint|check|verify|validate|ci\b/i.test(`${jobName} ${asString(job.name) ?? ''}`);
    // A checkout into a sub-folder, or of another repository, moves the files the build reads.
    const checkoutElsewhere = job.steps.some(
      (step: unknown) => isRecord(step) && /^actions\/checkout@/.test(asString(step.uses) ?? '') && isRecord(step.with) && (step.with.path !== undefined || step.with.repository !== undefined),
    );
    job.steps.forEach((step: unknown, index: number) => {
      if (!isRecord(step)) return;
      const uses = asString(step.uses) ?? '';
      const path = ['jobs', jobName, 'steps', index];
      // docker/build-push-action, or a drop-in fork of it (useblacksmith/build-push-action).
      if (/^[\w.-]+\/build-push-action@/.test(uses)) {
        const withTarget = isRecord(step.with) && 'target' in step.with;
        const reference = buildPushAction(file.path, step, yaml.lineOf([...path, 'with', ...(withTarget ? ['target'] : [])]), testJob);
        const w = isRecord(step.with) ? step.with : {};
        const targetField = withTarget ? yaml.spanOf([...path, 'with', 'target'], file.path) : null;
        const dockerfileField = yaml.spanOf([...path, 'with', w.file !== undefined ? 'file' : 'context'], file.path);
        if (reference) {
          references.push({
            ...reference,
            ...optional('targetField', targetField && { ...targetField, literal: targetField.literal && !EXPRESSION.test(asString(w.target) ?? '') }),
            ...optional('dockerfileField', dockerfileField),
            dockerfileCertain: !checkoutElsewhere,
          });
        }
      }
      const run = asString(step.run);
      if (run) {
        const folder = asString(step['working-directory']) ?? asString(isRecord(job.defaults) && isRecord(job.defaults.run) ? job.defaults.run['working-directory'] : null) ?? '';
        const line = yaml.lineOf([...path, 'run']) + 1;
        for (const command of findBuildCommands(run, line)) {
          const found = fromCommand(command, file.path, [joinPath('', folder) ?? ''], exists, `step ${asString(step.name) ?? index + 1} of job ${jobName}`);
          // `run: docker build …` on the key's own line, or in the block below it.
          const reference = found && withScriptField(found, file, [command.line - 1, command.line]);
          if (reference) references.push(testJob && reference.purpose === 'build' ? { ...reference, purpose: 'test' } : reference);
        }
      }
    });
  }
  return { references, problems: [] };
}

function buildPushAction(file: string, step: Record<string, unknown>, line: number, testJob: boolean): TargetReference | null {
  const w = isRecord(step.with) ? step.with : {};
  const context = asString(w.context) ?? '.';
  if (EXPRESSION.test(context) || /^[a-z]+:\/\//i.test(context)) return null;
  const contextPath = joinPath('', context);
  const fileValue = asString(w.file);
  if (contextPath === null || (fileValue !== null && EXPRESSION.test(fileValue))) return null;
  const dockerfile = fileValue === null ? joinPath(contextPath, 'Dockerfile') : joinPath('', fileValue);
  if (dockerfile === null) return null;
  const target = asString(w.target);
  const push = w.push;
  const outputs = `${asString(w.outputs) ?? ''}`;
  const purpose: TargetPurpose = /type=(local|tar)/.test(outputs)
    ? 'export'
    : push === true || (typeof push === 'string' && push !== 'false')
      ? 'ship'
      : testJob
        ? 'test'
        : 'build';
  return {
    dockerfile,
    target: target === null || target === '' || EXPRESSION.test(target) ? null : target,
    targetHasVariables: target !== null && EXPRESSION.test(target),
    context: contextPath,
    purpose,
    source: { file, line, label: `step ${asString(step.name) ?? (asString(step.uses) ?? 'docker/build-push-action').replace(/@.*$/, '')}` },
    namedContexts: (asString(w['build-contexts']) ?? '').split(/\n/).map((c) => c.split('=')[0]?.trim() ?? '').filter((c) => c !== ''),
    tags: (asString(w.tags) ?? '').split(/[\n,]/).map((t) => t.trim()).filter((t) => t !== '' && !EXPRESSION.test(t)),
  };
}

/** A `docker build` command of a script, relative to the first of `folders` where its Dockerfile exists. */
export function fromCommand(command: BuildCommand, file: string, folders: readonly string[], exists: (path: string) => boolean, label: string): TargetReference | null {
  const context = command.context ?? '.';
  const candidates = folders
    .map((folder) => {
      const contextPath = /[$`]/.test(context) ? null : joinPath(folder, context);
      if (contextPath === null) return null;
      const dockerfile = command.file === null ? joinPath(contextPath, 'Dockerfile') : /[$`]/.test(command.file) ? null : joinPath(folder, command.file);
      return dockerfile === null ? null : { contextPath, dockerfile };
    })
    .filter((c): c is { contextPath: string; dockerfile: string } => c !== null);
  const chosen = candidates.find((c) => exists(c.dockerfile));
  if (!chosen) return null;
  const variable = command.target !== null && /[$`]/.test(command.target);
  return {
    dockerfile: chosen.dockerfile,
    target: variable ? null : command.target,
    targetHasVariables: variable,
    context: chosen.contextPath,
    purpose: command.purpose,
    source: { file, line: command.line, label },
    tags: command.tags,
    namedContexts: command.namedContexts,
  };
}

/** The reference with where its `--target` is written, looked for on the given lines of the file. */
function withScriptField(reference: TargetReference, file: WorkspaceFile, lines: readonly number[]): TargetReference {
  if (reference.target === null) return reference;
  const target = reference.target;
  const span: FieldSpan | null = lines.reduce<FieldSpan | null>((found, line) => found ?? (line >= 0 ? scriptTargetSpan(file.text, line, target, file.path) : null), null);
  return span ? { ...reference, targetField: span } : reference;
}

/** Makefiles, shell scripts and task files: `docker build` commands, from their folder or the root. */
export function scriptTargets(file: WorkspaceFile, exists: (path: string) => boolean): Found {
  const references = findBuildCommands(file.text)
    .map((command) => {
      const reference = fromCommand(command, file.path, [dirname(file.path), ''], exists, basename(file.path));
      return reference && withScriptField(reference, file, [command.line]);
    })
    .filter((r): r is TargetReference => r !== null);
  return { references, problems: [] };
}

/** GitLab CI jobs: `docker build` commands in `script` and `before_script`. */
export function gitlabTargets(file: WorkspaceFile, exists: (path: string) => boolean): Found {
  const yaml = readYaml(file.text);
  if (typeof yaml === 'string') return { references: [], problems: [{ file: file.path, message: `not read for build targets: ${yaml}` }] };
  const references: TargetReference[] = [];
  const root = plainNode(yaml, yaml.doc.contents);
  if (!isRecord(root)) return { references, problems: [] };
  for (const [jobName, job] of Object.entries(root)) {
    if (!isRecord(job)) continue;
    for (const key of ['before_script', 'script']) {
      const lines = Array.isArray(job[key]) ? (job[key] as unknown[]) : typeof job[key] === 'string' ? [job[key]] : [];
      lines.forEach((entry, index) => {
        const text = asString(entry);
        if (!text) return;
        const line = yaml.lineOf([jobName, key, index]);
        for (const command of findBuildCommands(text, line)) {
          const found = fromCommand(command, file.path, [''], exists, `job ${jobName}`);
          const reference = found && withScriptField(found, file, [command.line]);
          if (reference) references.push(/test|lint|check/i.test(jobName) && reference.purpose === 'build' ? { ...reference, purpose: 'test' } : reference);
        }
      });
    }
  }
  return { references, problems: [] };
}

/** Dev containers: `build.dockerfile`, `build.context`, `build.target` (relative to the JSON's folder). */
export function devcontainerTargets(file: WorkspaceFile): Found {
  const errors: ParseError[] = [];
  const data = parseJsonc(file.text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0 || !isRecord(data)) return { references: [], problems: [{ file: file.path, message: 'not read for build targets: not valid JSON with comments' }] };
  const build = isRecord(data.build) ? data.build : {};
  const dockerfileName = asString(build.dockerfile) ?? asString(data.dockerFile) ?? asString(data.dockerfile);
  if (!dockerfileName) return { references: [], problems: [] };
  const folder = dirname(file.path);
  const contextPath = joinPath(folder, asString(build.context) ?? asString(data.context) ?? '.');
  const dockerfile = joinPath(folder, dockerfileName);
  if (contextPath === null || dockerfile === null) return { references: [], problems: [] };
  const target = asString(build.target);
  const line = file.text.slice(0, Math.max(0, file.text.search(/"(dockerfile|dockerFile|target)"/))).split('\n').length - 1;
  const tree = parseTree(file.text, [], { allowTrailingComma: true });
  const fileKey = asString(build.dockerfile) !== null ? ['build', 'dockerfile'] : asString(data.dockerFile) !== null ? ['dockerFile'] : ['dockerfile'];
  return {
    references: [
      {
        dockerfile,
        target: target || null,
        targetHasVariables: target !== null && target.includes('${'),
        context: contextPath,
        purpose: 'dev',
        source: { file: file.path, line, label: 'dev container' },
        ...optional('targetField', jsonStringSpan(tree, ['build', 'target'], file.text, file.path)),
        ...optional('dockerfileField', jsonStringSpan(tree, fileKey, file.text, file.path)),
        dockerfileCertain: true,
      },
    ],
    problems: [],
  };
}

/** Skaffold artifacts: `context`, `docker.dockerfile`, `docker.target`; Skaffold deploys them. */
export function skaffoldTargets(file: WorkspaceFile): Found {
  const yaml = readYaml(file.text);
  if (typeof yaml === 'string') return { references: [], problems: [{ file: file.path, message: `not read for build targets: ${yaml}` }] };
  const artifacts = valueAt(yaml, ['build', 'artifacts']);
  const references: TargetReference[] = [];
  if (!Array.isArray(artifacts)) return { references, problems: [] };
  artifacts.forEach((artifact: unknown, index: number) => {
    if (!isRecord(artifact)) return;
    const docker = isRecord(artifact.docker) ? artifact.docker : {};
    const contextPath = joinPath(dirname(file.path), asString(artifact.context) ?? '.');
    if (contextPath === null) return;
    const dockerfile = joinPath(contextPath, asString(docker.dockerfile) ?? 'Dockerfile');
    if (dockerfile === null) return;
    references.push({
      dockerfile,
      target: asString(docker.target) || null,
      targetHasVariables: false,
      context: contextPath,
      purpose: 'ship',
      source: { file: file.path, line: yaml.lineOf(['build', 'artifacts', index]), label: `artifact ${asString(artifact.image) ?? index + 1}` },
      ...optional('targetField', 'target' in docker ? yaml.spanOf(['build', 'artifacts', index, 'docker', 'target'], file.path) : null),
    });
  });
  return { references, problems: [] };
}
