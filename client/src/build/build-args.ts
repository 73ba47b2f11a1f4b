/** Building a stage as an argv: no shell ever sees it. Pure, so that it is tested without VS Code. */

export interface BuildSettings {
  /** `docker`, `podman`, or a path to either. */
  readonly command: string;
  /** Use `docker buildx build` (with `builder` when set) instead of `docker build`. */
  readonly useBuildx: boolean;
  readonly builder: string;
  /** A docker context (`docker --context <name>`); empty for the current one. */
  readonly dockerContext: string;
  /** Tag template; `${folder}`, `${stage}` and `${file}` are replaced. */
  readonly tagTemplate: string;
  readonly platform: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly extraArgs: readonly string[];
  /** Arguments for `docker run` by Build and Run (ports, environment), each passed as is. */
  readonly runArgs: readonly string[];
}

export const DEFAULT_BUILD_SETTINGS: BuildSettings = {
  command: 'docker',
  useBuildx: false,
  builder: '',
  dockerContext: '',
  tagTemplate: '${folder}:${stage}',
  platform: '',
  buildArgs: {},
  extraArgs: [],
  runArgs: [],
};

export interface BuildRequest {
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** Absolute path of the build context folder. */
  readonly contextFolder: string;
  /**
   * The stage to build, by name; null builds the last stage (BuildKit's `--target` takes names
   * only, so an unnamed stage can be built only when it is the last one).
   */
  readonly target: string | null;
}

export interface Argv {
  readonly command: string;
  readonly args: string[];
}

/** A name Docker accepts in a tag: lower case, `[a-z0-9._-]`, starting with a letter or digit. */
export function tagComponent(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[-.]+$/, '');
  return cleaned || 'image';
}

function basename(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

export function imageTag(settings: BuildSettings, request: BuildRequest): string {
  const folder = tagComponent(basename(request.contextFolder));
  const stage = tagComponent(request.target ?? 'latest');
  const file = tagComponent(basename(request.dockerfile));
  const [name, tag] = settings.tagTemplate.split(':');
  const fill = (s: string) => s.replace(/\$\{folder\}/g, folder).replace(/\$\{stage\}/g, stage).replace(/\$\{file\}/g, file);
  return tag === undefined ? fill(name ?? '') : `${fill(name ?? '')}:${fill(tag).replace(/[^\w.-]/g, '-').slice(0, 128)}`;
}

/** `docker [--context c] build|buildx build [--builder b] --target <stage> -f <file> -t <tag> … <context>`. */
export function buildArgv(settings: BuildSettings, request: BuildRequest): Argv {
  const args = contextArgs(settings);
  if (settings.useBuildx && !isPodman(settings)) {
    args.push('buildx', 'build');
    if (settings.builder) args.push('--builder', settings.builder);
    // A buildx builder keeps images in its cache unless told to load them.
    args.push('--load');
  } else {
    args.push('build');
  }
  if (request.target !== null) args.push('--target', request.target);
  args.push('-f', request.dockerfile, '-t', imageTag(settings, request));
  if (settings.platform) args.push('--platform', settings.platform);
  for (const [key, value] of Object.entries(settings.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  args.push(...settings.extraArgs, request.contextFolder);
  return { command: settings.command, args };
}

/** `docker run --rm -it [runArgs] <tag>` after a build, same engine and context. */
export function runArgv(settings: BuildSettings, request: BuildRequest, exposes: readonly string[] = []): Argv {
  const args = contextArgs(settings);
  args.push('run', '--rm', '-it', ...publishArgs(settings.runArgs, exposes), ...settings.runArgs, imageTag(settings, request));
  return { command: settings.command, args };
}

/**
 * `-p <port>:<port>` for each port the image EXPOSEs, so that Build and Run gives a server you can
 * open; none when the run arguments already say how to publish (or use the host's network).
 */
export function publishArgs(runArgs: readonly string[], exposes: readonly string[]): string[] {
  const saysHow = runArgs.some((arg, i) => /^(-p|-P|--publish|--publish-all)(=|$)|^-p\d/.test(arg) || /^--net(work)?=host$/.test(arg) || (/^--net(work)?$/.test(arg) && runArgs[i + 1] === 'host'));
  if (saysHow) return [];
  return exposes.flatMap((port) => {
    const match = /^(\d+(?:-\d+)?)(?:\/(udp|sctp))?$/.exec(port);
    return match ? ['-p', `${match[1]}:${match[1]}${match[2] ? `/${match[2]}` : ''}`] : [];
  });
}

/** An argv as a shell user would type it (to show and copy; it is never run through a shell). */
export function commandLine(argv: Argv): string {
  return [argv.command, ...argv.args].map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A compose service or Bake target to build, from the file that defines it. */
export interface BuildFileRequest {
  readonly kind: 'compose-service' | 'bake-target';
  readonly name: string;
  /** Absolute path of the compose or Bake file. */
  readonly file: string;
  /** True when Docker reads the file by itself from its folder (no `-f`, so its overrides apply too). */
  readonly defaultFile: boolean;
  /** Absolute path of the base compose file an override needs before it (`-f base -f file`). */
  readonly baseFile: string | null;
}

/**
 * `docker compose [-f …] build <service>` or `docker buildx bake [-f …] <target>`, run from the
 * file's folder, as a user would type it there. The builder, platform, build arguments and docker
 * context of the settings apply; `extraArgs` are `docker build` options and do not.
 */
export function buildFileArgv(settings: BuildSettings, request: BuildFileRequest): Argv {
  const args = contextArgs(settings);
  const files = request.defaultFile ? [] : [...(request.baseFile ? [request.baseFile] : []), request.file].flatMap((file) => ['-f', file]);
  if (request.kind === 'compose-service') {
    args.push('compose', ...files, 'build');
    if (settings.builder) args.push('--builder', settings.builder);
    for (const [key, value] of Object.entries(settings.buildArgs)) args.push('--build-arg', `${key}=${value}`);
    args.push(request.name);
  } else {
    args.push('buildx', 'bake', ...files);
    if (settings.builder) args.push('--builder', settings.builder);
    if (settings.platform) args.push('--set', `${request.name}.platform=${settings.platform}`);
    for (const [key, value] of Object.entries(settings.buildArgs)) args.push('--set', `${request.name}.args.${key}=${value}`);
    args.push(request.name);
  }
  return { command: settings.command, args };
}

export function isPodman(settings: BuildSettings): boolean {
  return /(^|[\\/])podman(\.exe)?$/i.test(settings.command);
}

/**
 * The build argv with BuildKit's structured progress (`--progress=rawjson`), which the extension
 * reads for the per-line results and renders readable in the terminal; it goes last before the
 * context, so it wins over a `--progress` in `extraArgs`. Null for Podman, which has no such output.
 */
export function withStructuredProgress(settings: BuildSettings, argv: Argv): Argv | null {
  if (isPodman(settings) || argv.args.length === 0) return null;
  const args = [...argv.args];
  args.splice(args.length - 1, 0, '--progress=rawjson');
  return { command: argv.command, args };
}

/** The same build without a tag, writing the image id to `iidfile`: to weigh a stage the build has cached. */
export function untaggedBuildArgv(argv: Argv, iidfile: string): Argv {
  const args: string[] = [];
  for (let i = 0; i < argv.args.length; i++) {
    if (argv.args[i] === '-t' || argv.args[i] === '--tag') i++;
    else args.push(argv.args[i] as string);
  }
  args.splice(args.length - 1, 0, '-q', '--iidfile', iidfile);
  return { command: argv.command, args };
}

/** `--context <name>` when a docker context is set (Podman has none). */
export function contextArgs(settings: BuildSettings): string[] {
  return settings.dockerContext && !isPodman(settings) ? ['--context', settings.dockerContext] : [];
}

/** `docker image history` of a built image, as `readHistory` reads it. */
export function historyArgv(settings: BuildSettings, image: string): Argv {
  return { command: settings.command, args: [...contextArgs(settings), 'image', 'history', '--no-trunc', '--human=false', '--format', '{{.Size}}\t{{.CreatedBy}}', image] };
}

/** `docker image inspect -f {{.Size}}`: an image's size in bytes. */
export function imageSizeArgv(settings: BuildSettings, image: string): Argv {
  return { command: settings.command, args: [...contextArgs(settings), 'image', 'inspect', '--format', '{{.Size}}', image] };
}

/** `docker image rm`: the untagged images made to weigh stages go again. */
export function removeImageArgv(settings: BuildSettings, image: string): Argv {
  return { command: settings.command, args: [...contextArgs(settings), 'image', 'rm', image] };
}
