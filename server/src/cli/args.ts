import { PLATFORM_PATTERN } from '../../../common/settings';
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../engine/lint';

export class UsageError extends Error {}

export type CheckFormat = 'text' | 'json' | 'sarif' | 'github';
export type FailLevel = 'error' | 'warning' | 'info' | 'none';
export type GraphFormat = 'mermaid' | 'dot' | 'json';
export type RulesFormat = 'md' | 'json';
export type ImagesOption = 'none' | 'cache' | 'lookup';

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | {
      readonly name: 'check';
      readonly paths: readonly string[];
      readonly format: CheckFormat;
      readonly failLevel: FailLevel;
      readonly rules: Readonly<Record<string, SeveritySetting>>;
      readonly config: string | null;
      /** The stage that ships (`--target`); wins over the project file and the workspace's build files. */
      readonly target: string | null;
      /** The target platform the automatic build arguments take (`--platform`); null for the host's. */
      readonly platform: string | null;
      /** `auto` (ShellCheck from PATH when there is one), `off`, or the path of the binary. */
      readonly shellcheck: string;
      /** Where base image facts come from: `none` the built-in table; `cache` also the local engine and the disk cache; `lookup` also registries. */
      readonly images: ImagesOption;
      /** The folder registry answers are kept in; null for the user's cache folder. */
      readonly imagesCache: string | null;
      readonly fix: boolean;
      readonly quiet: boolean;
      /** Say what each stage is for and why (text), or add it to the JSON. */
      readonly explain: boolean;
    }
  | { readonly name: 'graph'; readonly file: string; readonly format: GraphFormat }
  | {
      readonly name: 'build';
      readonly file: string;
      /** The stage to build; null builds the last. */
      readonly target: string | null;
      readonly format: 'text' | 'json';
      /** The build context; null for the Dockerfile's folder. */
      readonly context: string | null;
      /** The engine's command (`docker`). */
      readonly engine: string;
      /** What follows `--`, passed to `docker build` as it is. */
      readonly buildArgs: readonly string[];
    }
  | { readonly name: 'rules'; readonly format: RulesFormat };

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got '${value}').`);
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;

function platformOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (PLATFORM_PATTERN.test(value)) return value;
  throw new UsageError(`--platform must be os/arch[/variant], like linux/arm64 (got '${value}').`);
}

/** Reads the command line; a UsageError says what is wrong in one line. */
export function parseCommand(argv: readonly string[]): Command {
  // `build … -- <docker build arguments>`: what follows `--` is the engine's, not ours.
  const dashes = argv.indexOf('--');
  const ours = dashes < 0 ? argv : argv.slice(0, dashes);
  const passed = dashes < 0 ? [] : argv.slice(dashes + 1);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...ours],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'fail-level': { type: 'string' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string' },
        target: { type: 'string' },
        platform: { type: 'string' },
        shellcheck: { type: 'string' },
        images: { type: 'string' },
        'images-cache': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        explain: { type: 'boolean' },
        context: { type: 'string' },
        engine: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  if (values.version) return { name: 'version' };
  const [name, ...rest] = positionals;
  switch (name) {
    case 'check': {
      const rules: Record<string, SeveritySetting> = {};
      for (const spec of values.rule ?? []) {
        const [id, severity] = spec.split('=');
        if (!id || !severity) throw new UsageError(`--rule expects <id>=<severity> (got '${spec}').`);
        rules[id] = oneOf('rule', severity, SEVERITIES, 'warning');
      }
      return {
        name: 'check',
        paths: rest.length > 0 ? rest : ['.'],
        format: oneOf('format', values.format, ['text', 'json', 'sarif', 'github'] as const, 'text'),
        failLevel: oneOf('fail-level', values['fail-level'], ['error', 'warning', 'info', 'none'] as const, 'warning'),
        rules,
        config: values.config ?? null,
        target: values.target ?? null,
        platform: platformOption(values.platform),
        shellcheck: values.shellcheck ?? 'auto',
        images: oneOf('images', values.images, ['none', 'cache', 'lookup'] as const, 'cache'),
        imagesCache: values['images-cache'] ?? null,
        fix: values.fix ?? false,
        quiet: values.quiet ?? false,
        explain: values.explain ?? false,
      };
    }
    case 'graph': {
      if (rest.length !== 1) throw new UsageError('graph takes exactly one Dockerfile.');
      return { name: 'graph', file: rest[0] as string, format: oneOf('format', values.format, ['mermaid', 'dot', 'json'] as const, 'mermaid') };
    }
    case 'rules':
      return { name: 'rules', format: oneOf('format', values.format, ['md', 'json'] as const, 'md') };
    case 'build': {
      if (rest.length !== 1) throw new UsageError('build takes exactly one Dockerfile (docker build arguments go after --).');
      return {
        name: 'build',
        file: rest[0] as string,
        target: values.target ?? null,
        format: oneOf('format', values.format, ['text', 'json'] as const, 'text'),
        context: values.context ?? null,
        engine: values.engine ?? 'docker',
        buildArgs: passed,
      };
    }
    case undefined:
      throw new UsageError("No command given. Run 'dockerfile-stages --help'.");
    default:
      throw new UsageError(`Unknown command '${name}'. Run 'dockerfile-stages --help'.`);
  }
}
