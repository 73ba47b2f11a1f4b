import * as path from 'node:path';

/** Settings shared by the extension and the server: one schema, one normaliser. */

export const SETTINGS_SECTION = 'dockerfileStages';

export type RuleSeveritySetting = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface RegistrySettings {
  /** Registries (`host` or `host:port`) that may be spoken to over plain HTTP. */
  readonly plainHttpHosts: readonly string[];
  /** How long one registry request may take. */
  readonly timeoutMs: number;
}

/** Other Dockerfile tools whose diagnostics ours would repeat. */
export type OtherTool = 'containerTools' | 'dockerDX';

/**
 * Which repeated rules to leave to the other tools: `auto` those of the tools installed and
 * enabled, `reportAll` none, or the named ones whether installed or not.
 */
export type CoexistenceSetting = 'auto' | 'reportAll' | 'skipContainerTools' | 'skipDockerDX' | 'skipBoth';

export interface DockerfileStagesSettings {
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
  readonly registry: RegistrySettings;
  readonly coexistence: CoexistenceSetting;
  /** The target platform the automatic build arguments (TARGETARCH…) take, `os/arch[/variant]`; empty for the host's. */
  readonly platform: string;
  readonly shellcheck: ShellCheckSettings;
  readonly images: ImageSettings;
}

/** When base images are looked up in their registries. */
export type ImageLookUp = 'never' | 'onRequest' | 'always';

export interface ImageSettings {
  /** `never`; `onRequest` (a command, a link in the image hover, the pin quick fixes); `always`. */
  readonly lookUp: ImageLookUp;
  /** Read the facts of images the local engine has (`<engine> image inspect`). */
  readonly localEngine: boolean;
  /** The engine's command (`dockerfileStages.build.command`): `docker`, `podman` or a path. */
  readonly engineCommand: string;
}

export interface ShellCheckSettings {
  /** Check the shell of each RUN with ShellCheck when a binary is there. */
  readonly enable: boolean;
  /** The binary; empty for `shellcheck` on PATH. */
  readonly path: string;
}

export const DEFAULT_REGISTRY_SETTINGS: RegistrySettings = { plainHttpHosts: ['localhost', '127.0.0.1'], timeoutMs: 5000 };

export const DEFAULT_IMAGE_SETTINGS: ImageSettings = { lookUp: 'onRequest', localEngine: true, engineCommand: 'docker' };

export const DEFAULT_SETTINGS: DockerfileStagesSettings = {
  rules: {},
  registry: DEFAULT_REGISTRY_SETTINGS,
  coexistence: 'auto',
  platform: '',
  shellcheck: { enable: true, path: '' },
  images: DEFAULT_IMAGE_SETTINGS,
};

const IMAGE_LOOK_UPS: ReadonlySet<string> = new Set(['never', 'onRequest', 'always']);

/** `linux/amd64`, `linux/arm/v7`: what a platform setting may hold. */
export const PLATFORM_PATTERN = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/i;

const COEXISTENCE: ReadonlySet<string> = new Set(['auto', 'reportAll', 'skipContainerTools', 'skipDockerDX', 'skipBoth']);

/** The tools whose repeated rules are left to them, given the setting and the tools installed. */
export function toolsToDeferTo(setting: CoexistenceSetting, installed: readonly OtherTool[]): OtherTool[] {
  switch (setting) {
    case 'auto':
      return [...installed];
    case 'reportAll':
      return [];
    case 'skipContainerTools':
      return ['containerTools'];
    case 'skipDockerDX':
      return ['dockerDX'];
    case 'skipBoth':
      return ['containerTools', 'dockerDX'];
  }
}

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Turns whatever the client sent into valid settings, dropping what it cannot understand. */
export function normalizeSettings(raw: unknown): DockerfileStagesSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const rulesRaw = (raw as { rules?: unknown }).rules;
  const rules: Record<string, RuleSeveritySetting> = {};
  if (typeof rulesRaw === 'object' && rulesRaw !== null) {
    for (const [id, value] of Object.entries(rulesRaw)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleSeveritySetting;
    }
  }
  const coexistenceRaw = (raw as { coexistence?: unknown }).coexistence;
  const coexistence = typeof coexistenceRaw === 'string' && COEXISTENCE.has(coexistenceRaw) ? (coexistenceRaw as CoexistenceSetting) : 'auto';
  const platformRaw = (raw as { platform?: unknown }).platform;
  const platform = typeof platformRaw === 'string' && PLATFORM_PATTERN.test(platformRaw.trim()) ? platformRaw.trim() : '';
  const shellcheckRaw = (raw as { shellcheck?: { enable?: unknown; path?: unknown } }).shellcheck;
  const shellcheck = {
    enable: typeof shellcheckRaw?.enable === 'boolean' ? shellcheckRaw.enable : true,
    path: typeof shellcheckRaw?.path === 'string' ? shellcheckRaw.path.trim() : '',
  };
  return { rules, registry: normalizeRegistry((raw as { registry?: unknown }).registry), coexistence, platform, shellcheck, images: normalizeImages(raw) };
}

function normalizeImages(raw: object): ImageSettings {
  const images = (raw as { images?: { lookUp?: unknown; localEngine?: unknown } }).images;
  const command = (raw as { build?: { command?: unknown } }).build?.command;
  return {
    lookUp: typeof images?.lookUp === 'string' && IMAGE_LOOK_UPS.has(images.lookUp) ? (images.lookUp as ImageLookUp) : DEFAULT_IMAGE_SETTINGS.lookUp,
    localEngine: typeof images?.localEngine === 'boolean' ? images.localEngine : DEFAULT_IMAGE_SETTINGS.localEngine,
    engineCommand: typeof command === 'string' && command.trim() !== '' ? command.trim() : DEFAULT_IMAGE_SETTINGS.engineCommand,
  };
}

function normalizeRegistry(raw: unknown): RegistrySettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_REGISTRY_SETTINGS;
  const { plainHttpHosts, timeoutMs } = raw as { plainHttpHosts?: unknown; timeoutMs?: unknown };
  return {
    plainHttpHosts: Array.isArray(plainHttpHosts) ? plainHttpHosts.filter((h): h is string => typeof h === 'string') : DEFAULT_REGISTRY_SETTINGS.plainHttpHosts,
    timeoutMs: typeof timeoutMs === 'number' && timeoutMs >= 100 && timeoutMs <= 120000 ? timeoutMs : DEFAULT_REGISTRY_SETTINGS.timeoutMs,
  };
}

/** The name of the project configuration file, looked up from a Dockerfile's folder upwards. */
export const PROJECT_CONFIG_FILE = '.dockerfile-stages.json';

/** `.dockerfile-stages.json`: shared by the editor and the command-line checker. */
export interface ProjectConfig {
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
  /** The stage that is built (`--target`); the "final stage" rules check it. */
  readonly target?: string;
  /** The target platform (`--platform`) the automatic build arguments take. */
  readonly platform?: string;
  /** The build context folder, relative to the configuration file's folder. */
  readonly context?: string;
  /** Build context folders per Dockerfile (paths relative to the configuration file's folder). */
  readonly contexts?: Readonly<Record<string, string>>;
}

/** Reads a project configuration, saying what in it was not understood. */
/**
 * Reads a `.dockerfile-stages.json`. With `ruleIds`, a rule id not among them is an error (the
 * command-line checker passes them; the editor's JSON schema says it there).
 */
export function parseProjectConfig(text: string, ruleIds?: ReadonlySet<string>): { config: ProjectConfig; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config: { rules: {} }, errors: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { config: { rules: {} }, errors: ['expected a JSON object'] };
  const errors: string[] = [];
  const { rules: rulesRaw, target, platform, context, contexts: contextsRaw, ...rest } = raw as { rules?: unknown; target?: unknown; platform?: unknown; context?: unknown; contexts?: unknown };
  for (const key of Object.keys(rest)) errors.push(`unknown key '${key}'`);
  const rules: Record<string, RuleSeveritySetting> = {};
  if (rulesRaw !== undefined) {
    if (typeof rulesRaw !== 'object' || rulesRaw === null || Array.isArray(rulesRaw)) errors.push("'rules' must be an object");
    else {
      for (const [id, value] of Object.entries(rulesRaw)) {
        if (ruleIds && !ruleIds.has(id)) errors.push(`unknown rule '${id}'`);
        else if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleSeveritySetting;
        else errors.push(`rule '${id}': expected one of off, hint, info, warning, error`);
      }
    }
  }
  if (target !== undefined && typeof target !== 'string') errors.push("'target' must be a stage name");
  if (platform !== undefined && (typeof platform !== 'string' || !PLATFORM_PATTERN.test(platform))) errors.push("'platform' must be os/arch[/variant], like linux/arm64");
  if (context !== undefined && typeof context !== 'string') errors.push("'context' must be a folder path");
  const contexts: Record<string, string> = {};
  if (contextsRaw !== undefined) {
    if (typeof contextsRaw !== 'object' || contextsRaw === null || Array.isArray(contextsRaw)) errors.push("'contexts' must map Dockerfiles to folders");
    else for (const [file, folder] of Object.entries(contextsRaw)) {
      if (typeof folder === 'string') contexts[file] = folder;
      else errors.push(`context of '${file}': expected a folder path`);
    }
  }
  return {
    config: {
      rules,
      ...(typeof target === 'string' ? { target } : {}),
      ...(typeof platform === 'string' && PLATFORM_PATTERN.test(platform) ? { platform } : {}),
      ...(typeof context === 'string' ? { context } : {}),
      ...(Object.keys(contexts).length > 0 ? { contexts } : {}),
    },
    errors,
  };
}

/**
 * The build context folder a project configuration gives a Dockerfile (absolute), or null when it
 * gives none: its entry in `contexts`, else `context`; both relative to the configuration's folder.
 */
export function configuredContext(config: ProjectConfig, configFolder: string, dockerfile: string): string | null {
  const relative = path.relative(configFolder, dockerfile).split(path.sep).join('/');
  const chosen = config.contexts?.[relative] ?? config.context;
  return chosen === undefined ? null : path.resolve(configFolder, chosen);
}
