/**
 * Debugging a stage with `docker buildx dap build` (buildx 0.29+, experimental): the argv that
 * starts it as the debug adapter. Pure, so that it is tested without VS Code.
 */
import { contextArgs, isPodman, type Argv, type BuildSettings } from '../build/build-args';

export const DEBUG_TYPE = 'dockerfile-stages';

/** What a `launch.json` entry of type `dockerfile-stages` says (buildx reads the first four itself). */
export interface StageDebugConfiguration {
  readonly type: typeof DEBUG_TYPE;
  readonly request: 'launch';
  readonly name: string;
  /** Absolute path of the Dockerfile. */
  readonly dockerfile: string;
  /** The build context; the Dockerfile's folder (or the configured context) when left out. */
  readonly contextPath?: string;
  /** The stage to build and debug; the last stage when left out. */
  readonly target?: string;
  /** Pause before the first step. */
  readonly stopOnEntry?: boolean;
  /** More `docker buildx dap build` arguments, passed last before the context. */
  readonly args?: readonly string[];
  /** A buildx builder (`--builder`), else the settings' one. */
  readonly builder?: string;
}

/** The adapter's argv and the environment it needs (`BUILDX_EXPERIMENTAL=1`); null with Podman, which has no buildx. */
export function debugAdapterArgv(settings: BuildSettings, config: StageDebugConfiguration, contextPath: string): (Argv & { env: Record<string, string> }) | null {
  if (isPodman(settings)) return null;
  const args = [...contextArgs(settings), 'buildx'];
  const builder = config.builder ?? settings.builder;
  if (builder) args.push('--builder', builder);
  args.push('dap', 'build');
  if (settings.platform) args.push('--platform', settings.platform);
  for (const [key, value] of Object.entries(settings.buildArgs)) args.push('--build-arg', `${key}=${value}`);
  args.push(...settings.extraArgs, ...(config.args ?? []), contextPath);
  return { command: settings.command, args, env: { BUILDX_EXPERIMENTAL: '1' } };
}

/** The argv that tells whether the installed buildx has `dap` (it exits 0 with its help). */
export function dapProbeArgv(command: string): Argv {
  return { command, args: ['buildx', 'dap', 'build', '--help'] };
}

/** Said when the probe fails: which buildx is needed. */
export function dapMissingMessage(found: string): string {
  return `Debugging a stage needs docker buildx 0.29 or later, whose experimental 'buildx dap build' is the debugger${found ? ` (found: ${found.trim()})` : ''}. Update Docker Desktop, or the docker-buildx plugin.`;
}
