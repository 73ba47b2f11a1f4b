import { optional } from './field-spans';
import { basename, dirname, joinPath } from './paths';
import type { FieldSpan, IndexProblem, TargetPurpose, TargetReference, WorkspaceFile } from './types';
import { asString, interpolateDefaults, isRecord, readYaml, valueAt, type YamlFile } from './yaml-nodes';

/** compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml and their `*.override` / `*.<env>` siblings. */
export function isComposeFile(path: string): boolean {
  return /^(docker-)?compose(\.[\w-]+)*\.ya?ml$/i.test(basename(path));
}

/** The names of a folder's base compose file, in the order Compose looks for them. */
export const BASE_COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const DEV_FILE = /(override|dev|develop|development|local|debug|devcontainer)/i;
const TEST_FILE = /(test|tests|ci|e2e|integration)/i;
const DEV_TARGET = /^(dev|devel|develop|development|debug|local|dev[-_].*|.*[-_]dev|dev-envs?)$/i;

interface ServiceBuild {
  readonly context: string | null;
  readonly dockerfile: string | null;
  readonly target: string | null;
  readonly line: number;
  readonly targetField?: FieldSpan;
  readonly dockerfileField?: FieldSpan;
  /** True when the context or Dockerfile is written with variables, so the path may differ when built. */
  readonly variablePath: boolean;
}

/** Targets named by the compose files of a workspace (each file with the base file of its folder). */
export function composeTargets(files: readonly WorkspaceFile[]): { references: TargetReference[]; problems: IndexProblem[] } {
  const references: TargetReference[] = [];
  const problems: IndexProblem[] = [];
  const parsed = new Map<string, YamlFile>();
  for (const file of files) {
    const yaml = readYaml(file.text);
    if (typeof yaml === 'string') problems.push({ file: file.path, message: `not read for build targets: ${yaml}` });
    else parsed.set(file.path, yaml);
  }
  for (const [path, yaml] of parsed) {
    const folder = dirname(path);
    const baseName = BASE_COMPOSE_NAMES.map((name) => joinPath(folder, name)).find((candidate) => candidate !== null && candidate !== path && parsed.has(candidate));
    const base = baseName ? (parsed.get(baseName) ?? null) : null;
    const services = valueAt(yaml, ['services']);
    if (!isRecord(services)) continue;
    for (const [name, service] of Object.entries(services)) {
      if (!isRecord(service)) continue;
      const build = serviceBuild(yaml, path, name, service) ?? extendedBuild(path, parsed, folder, service);
      if (!build) continue;
      // An override names the target; the file it overrides may hold the context and Dockerfile.
      const inherited = base && baseName ? serviceBuild(base, baseName, name, valueAt(base, ['services', name])) : null;
      const context = build.context ?? inherited?.context ?? '.';
      const dockerfileName = build.dockerfile ?? inherited?.dockerfile ?? 'Dockerfile';
      const contextPath = /^[a-z]+:\/\//i.test(context) || context.startsWith('git@') ? null : joinPath(folder, context);
      if (contextPath === null) continue;
      const dockerfile = joinPath(contextPath, dockerfileName);
      if (dockerfile === null) continue;
      const rawTarget = build.target ?? inherited?.target ?? null;
      const target = rawTarget === null ? null : interpolateDefaults(rawTarget);
      references.push({
        dockerfile,
        target: target?.value || null,
        targetHasVariables: target?.hasVariables ?? false,
        context: contextPath,
        purpose: purposeOf(path, service, target?.value ?? null),
        source: { file: path, line: build.line, label: `service ${name}` },
        healthChecked: healthChecked(service),
        command: commandOf(service),
        tags: typeof service.image === 'string' ? [service.image] : [],
        namedContexts: namedContextsOf(service.build),
        ...optional('targetField', build.target !== null ? build.targetField : inherited?.targetField),
        ...optional('dockerfileField', build.dockerfileField ?? inherited?.dockerfileField),
        dockerfileCertain: !build.variablePath && !(inherited?.variablePath ?? false),
      });
    }
  }
  return { references, problems };
}

function serviceBuild(yaml: YamlFile, file: string, name: string, service: unknown): ServiceBuild | null {
  if (!isRecord(service) || service.build === undefined) return null;
  const build = service.build;
  const at = ['services', name, 'build'];
  if (typeof build === 'string') {
    return { context: interpolateDefaults(build).value, dockerfile: null, target: null, line: yaml.lineOf(at), ...optional('dockerfileField', yaml.spanOf(at, file)), variablePath: build.includes('$') };
  }
  if (!isRecord(build)) return null;
  if (build.dockerfile_inline !== undefined) return null;
  const context = asString(build.context);
  const dockerfile = asString(build.dockerfile);
  // A key with no value yet (`target:` being typed) is a target field all the same.
  const target = asString(build.target) ?? ('target' in build ? '' : null);
  const targetField = target === null ? null : yaml.spanOf([...at, 'target'], file);
  return {
    context: context === null ? null : interpolateDefaults(context).value,
    dockerfile: dockerfile === null ? null : interpolateDefaults(dockerfile).value,
    target,
    line: yaml.lineOf([...at, ...(target !== null ? ['target'] : [])]),
    ...optional('targetField', targetField && { ...targetField, literal: targetField.literal && !target?.includes('$') }),
    ...optional('dockerfileField', yaml.spanOf([...at, dockerfile !== null ? 'dockerfile' : 'context'], file)),
    variablePath: `${context ?? ''}${dockerfile ?? ''}`.includes('$'),
  };
}

/** `extends: { service, file }` — the build of the service extended, one level deep. */
function extendedBuild(path: string, parsed: ReadonlyMap<string, YamlFile>, folder: string, service: Record<string, unknown>): ServiceBuild | null {
  const ext = service.extends;
  const serviceName = typeof ext === 'string' ? ext : isRecord(ext) ? asString(ext.service) : null;
  if (!serviceName) return null;
  const fileName = isRecord(ext) ? asString(ext.file) : null;
  const otherPath = fileName ? (joinPath(folder, fileName) ?? '') : path;
  const other = parsed.get(otherPath);
  if (!other) return null;
  return serviceBuild(other, otherPath, serviceName, valueAt(other, ['services', serviceName]));
}

/** The keys of `build.additional_contexts` (a map, or a list of `name=path`). */
function namedContextsOf(build: unknown): string[] {
  const contexts = isRecord(build) ? build.additional_contexts : undefined;
  if (isRecord(contexts)) return Object.keys(contexts);
  return Array.isArray(contexts) ? contexts.map((c) => String(c).split('=')[0] ?? '').filter((c) => c !== '') : [];
}

/** The service's `command:` as one text (a list joined by spaces), '' when it keeps the image's own. */
function commandOf(service: Record<string, unknown>): string {
  const command = service.command;
  if (typeof command === 'string') return command.trim();
  return Array.isArray(command) ? command.map(String).join(' ') : '';
}

/** A `healthcheck:` that is not `disable: true` or `test: ["NONE"]`. */
function healthChecked(service: Record<string, unknown>): boolean {
  const check = service.healthcheck;
  if (!isRecord(check)) return false;
  if (check.disable === true) return false;
  const test = check.test;
  return !(Array.isArray(test) && String(test[0]).toUpperCase() === 'NONE');
}

function purposeOf(path: string, service: Record<string, unknown>, target: string | null): TargetPurpose {
  const file = basename(path).replace(/^(docker-)?compose\.?/i, '');
  const profiles = Array.isArray(service.profiles) ? service.profiles.map(String) : [];
  if (profiles.some((p) => /test|ci|e2e/i.test(p)) || TEST_FILE.test(file)) return 'test';
  if (profiles.some((p) => /dev|debug|local/i.test(p)) || DEV_FILE.test(file)) return 'dev';
  if (service.develop !== undefined) return 'dev';
  if (target !== null && DEV_TARGET.test(target)) return 'dev';
  // Source folders bind-mounted over the image: a development set-up. Data, log and configuration
  // mounts are what deployed services have too.
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  const mountsSource = volumes.some((v) => {
    const source = typeof v === 'string' ? (v.split(':')[0] ?? '') : isRecord(v) && v.type === 'bind' ? (asString(v.source) ?? '') : '';
    if (!/^\.\.?(\/|$)/.test(source)) return false;
    const last = source.replace(/\/+$/, '').split('/').pop() ?? '';
    return !/\.[a-z0-9]+$/i.test(last) && !DATA_FOLDER.test(last);
  });
  return mountsSource ? 'dev' : 'ship';
}

const DATA_FOLDER = /^(data|db|database|logs?|storage|uploads?|media|backups?|certs?|ssl|tls|config|conf|secrets?|volumes?|cache|tmp)$/i;
