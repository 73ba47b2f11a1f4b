import type { RunScript, ShellWord, SimpleCommand } from './types';

export type PackageManager =
  | 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper'
  | 'pip' | 'uv' | 'poetry' | 'pipenv'
  | 'npm' | 'yarn' | 'pnpm' | 'bun'
  | 'gem' | 'bundle' | 'cargo' | 'go' | 'composer' | 'maven' | 'gradle' | 'dotnet';

/** What a command does to packages, as facts. */
export type PackageAction =
  | { readonly kind: 'install'; readonly manager: PackageManager; readonly packages: readonly ShellWord[]; readonly command: SimpleCommand; readonly options: ReadonlySet<string>; readonly group: string | null; readonly global: boolean; readonly withDevDependencies: boolean; readonly fromManifest: boolean }
  | { readonly kind: 'remove'; readonly manager: PackageManager; readonly packages: readonly ShellWord[]; readonly command: SimpleCommand; readonly autoRemove: boolean }
  | { readonly kind: 'mark-auto'; readonly manager: 'apt'; readonly packages: readonly ShellWord[]; readonly command: SimpleCommand }
  | { readonly kind: 'update-lists'; readonly manager: PackageManager; readonly command: SimpleCommand }
  | { readonly kind: 'clean'; readonly manager: PackageManager; readonly command: SimpleCommand };

/**
 * Where a compiling ecosystem's tools keep what they fetched and built, and reuse it: a cache mount
 * there makes a build after a source change fetch nothing and compile only what changed (cargo's
 * registry or target, Go's module and build caches, NuGet's packages, Maven's and Gradle's stores).
 * Installers that re-extract everything each time (npm, pip) have none.
 */
const INCREMENTAL_STORES: Partial<Record<PackageManager, RegExp>> = {
  cargo: /(^|\/)(registry|git|target)$/,
  go: /(^|\/)(pkg\/mod|go-build)$/,
  dotnet: /(^|\/)\.nuget(\/packages)?$/,
  maven: /(^|\/)\.m2(\/repository)?$/,
  gradle: /(^|\/)\.gradle(\/caches)?$/,
};

/** Whether a folder is where a manager keeps dependencies it reuses on the next build. */
export function isIncrementalStore(manager: PackageManager, folder: string): boolean {
  return INCREMENTAL_STORES[manager]?.test(folder.replace(/\/+$/, '')) ?? false;
}

/** The options of a command (`-y`, `--no-cache`, `-o` values kept as `-o=<value>`); short flag clusters split. */
export function optionsOf(args: readonly ShellWord[]): Set<string> {
  const options = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value;
    if (!value || !value.startsWith('-') || value === '-' || value === '--') continue;
    if (value === '-o' && args[i + 1]?.value) options.add(`-o=${args[++i]?.value}`);
    else if (value.startsWith('--')) options.add(value.includes('=') ? value : value);
    else for (const c of value.slice(1)) options.add(`-${c}`);
  }
  return options;
}

/** The words that are not options (an option's value, when it takes one, is skipped). */
function operands(args: readonly ShellWord[], valueOptions: ReadonlySet<string> = new Set()): ShellWord[] {
  const out: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i]?.value ?? args[i]?.text ?? '';
    if (value.startsWith('-') && value !== '-') {
      if (valueOptions.has(value)) i++;
      continue;
    }
    out.push(args[i] as ShellWord);
  }
  return out;
}

const APT_SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];
const simulates = (options: ReadonlySet<string>): boolean => APT_SIMULATE.some((o) => options.has(o));

const APT_VALUE_OPTIONS = new Set(['-o', '-c', '-t', '--target-release', '--option', '--config-file']);
const APK_VALUE_OPTIONS = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']);
const RPM_VALUE_OPTIONS = new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--nodocs']);

/** Per script (the command model keeps one per RUN while its text is unchanged). */
const actionCache = new WeakMap<RunScript, readonly PackageAction[]>();

/** The package facts of a RUN, in command order. Empty for a RUN that was not read as shell. */
export function packageActions(script: RunScript): readonly PackageAction[] {
  const cached = actionCache.get(script);
  if (cached) return cached;
  const actions: PackageAction[] = [];
  for (const command of script.commands) actions.push(...actionsOf(command));
  actionCache.set(script, actions);
  return actions;
}

function actionsOf(command: SimpleCommand): PackageAction[] {
  const program = command.program;
  if (!program) return [];
  const args = command.args;
  switch (program) {
    case 'apt-get':
    case 'apt':
    case 'aptitude': {
      const verb = firstOperand(args, APT_VALUE_OPTIONS);
      const after = afterVerb(args, verb, APT_VALUE_OPTIONS);
      if (verb === 'update') return [{ kind: 'update-lists', manager: 'apt', command }];
      if (verb === 'install' || verb === 'reinstall') {
        // A simulation (`apt-get install -s`, often a probe inside an `if`) installs nothing.
        if (simulates(optionsOf(args))) return [];
        return [{ kind: 'install', manager: 'apt', packages: after, command, options: optionsOf(args), group: null, global: true, withDevDependencies: false, fromManifest: false }];
      }
      if (verb === 'remove' || verb === 'purge' || verb === 'autoremove') {
        const options = optionsOf(args);
        return [{ kind: 'remove', manager: 'apt', packages: after, command, autoRemove: verb === 'autoremove' || options.has('--auto-remove') || options.has('--autoremove') }];
      }
      if (verb === 'clean' || verb === 'distclean' || verb === 'dist-clean') return [{ kind: 'clean', manager: 'apt', command }];
      return [];
    }
    case 'apt-mark': {
      const verb = firstOperand(args);
      return verb === 'auto' ? [{ kind: 'mark-auto', manager: 'apt', packages: afterVerb(args, verb), command }] : [];
    }
    case 'apk': {
      const verb = firstOperand(args, APK_VALUE_OPTIONS);
      const options = optionsOf(args);
      const groupAt = args.findIndex((a) => a.value === '--virtual' || a.value === '-t');
      const group = groupAt >= 0 ? (args[groupAt + 1]?.value ?? null) : (args.find((a) => a.value?.startsWith('--virtual='))?.value?.slice(10) ?? null);
      const after = afterVerb(args, verb, APK_VALUE_OPTIONS);
      if (verb === 'update') return [{ kind: 'update-lists', manager: 'apk', command }];
      if (verb === 'add') return [{ kind: 'install', manager: 'apk', packages: after, command, options, group, global: true, withDevDependencies: false, fromManifest: false }];
      if (verb === 'del') return [{ kind: 'remove', manager: 'apk', packages: after, command, autoRemove: true }];
      if (verb === 'cache' && after[0]?.value === 'clean') return [{ kind: 'clean', manager: 'apk', command }];
      return [];
    }
    case 'dnf':
    case 'yum':
    case 'microdnf':
    case 'tdnf':
    case 'zypper': {
      const manager = program === 'tdnf' ? 'dnf' : program;
      const verb = firstOperand(args, RPM_VALUE_OPTIONS);
      const after = afterVerb(args, verb, RPM_VALUE_OPTIONS);
      if (verb === 'install' || verb === 'in' || verb === 'groupinstall') return [{ kind: 'install', manager, packages: after, command, options: optionsOf(args), group: null, global: true, withDevDependencies: false, fromManifest: false }];
      if (verb === 'remove' || verb === 'erase' || verb === 'rm' || verb === 'autoremove') return [{ kind: 'remove', manager, packages: after, command, autoRemove: true }];
      if (verb === 'clean') return [{ kind: 'clean', manager, command }];
      if (verb === 'makecache' || verb === 'refresh' || verb === 'ref') return [{ kind: 'update-lists', manager, command }];
      return [];
    }
    case 'pip':
    case 'pip3':
    case 'python':
    case 'python3':
      return pipActions(command);
    case 'uv': {
      const verb = firstOperand(args);
      if (verb === 'sync') return [install('uv', [], command, true, !optionsOf(args).has('--no-dev'))];
      if (verb === 'pip' && afterVerb(args, verb)[0]?.value === 'install') return pipInstall('uv', command, afterVerb(args, verb).slice(1), args);
      if (verb === 'tool' && afterVerb(args, verb)[0]?.value === 'install') return [install('uv', afterVerb(args, verb).slice(1), command, false, false, true)];
      return [];
    }
    case 'poetry':
      return firstOperand(args) === 'install' ? [install('poetry', [], command, true, !/--(only|without)[= ]|--no-dev|--only-root/.test(args.map((a) => a.text).join(' ')))] : [];
    case 'pipenv':
      return firstOperand(args) === 'install' ? [install('pipenv', [], command, true, optionsOf(args).has('--dev') || optionsOf(args).has('-d'))] : [];
    case 'npm':
    case 'pnpm':
    case 'bun':
      return nodeActions(program, command);
    case 'yarn': {
      const verb = firstOperand(args);
      if (args.some((a) => /^(--version|-v|--help|-h)$/.test(a.value ?? ''))) return [];
      if (verb === undefined || verb === 'install') return [install('yarn', [], command, true, !/--production|--prod\b/.test(args.map((a) => a.text).join(' ')) && !productionEnv(command))];
      if (verb === 'add') return [install('yarn', afterVerb(args, verb), command, false, false)];
      if (verb === 'global' && afterVerb(args, verb)[0]?.value === 'add') return [install('yarn', afterVerb(args, verb).slice(1), command, false, false, true)];
      if (verb === 'cache' && afterVerb(args, verb)[0]?.value === 'clean') return [{ kind: 'clean', manager: 'yarn', command }];
      // Yarn 2+'s prune: `yarn workspaces focus --all --production` keeps the production dependencies only.
      if (verb === 'workspaces' && afterVerb(args, verb)[0]?.value === 'focus' && optionsOf(args).has('--production')) return [{ kind: 'remove', manager: 'yarn', packages: [], command, autoRemove: true }];
      return [];
    }
    case 'gem': {
      const verb = firstOperand(args);
      if (verb === 'install') return [install('gem', afterVerb(args, verb), command, false, false, true)];
      if (verb === 'uninstall') return [{ kind: 'remove', manager: 'gem', packages: afterVerb(args, verb), command, autoRemove: false }];
      return [];
    }
    case 'bundle':
    case 'bundler':
      return firstOperand(args) === 'install' || firstOperand(args) === undefined ? [install('bundle', [], command, true, !bundlesWithoutDev(command))] : [];
    case 'cargo': {
      const verb = firstOperand(args);
      if (verb === 'install') return [install('cargo', afterVerb(args, verb), command, false, false, true)];
      if (verb === 'fetch' || (verb === 'chef' && afterVerb(args, verb)[0]?.value === 'cook') || verb === 'build') return [install('cargo', [], command, true, false)];
      return [];
    }
    case 'go': {
      const verb = firstOperand(args);
      if (verb === 'install') return [install('go', afterVerb(args, verb), command, false, false, true)];
      if (verb === 'mod' && afterVerb(args, verb)[0]?.value === 'download') return [install('go', [], command, true, false)];
      return [];
    }
    case 'composer': {
      const verb = firstOperand(args);
      if (verb === 'install') return [install('composer', [], command, true, !optionsOf(args).has('--no-dev'))];
      if (verb === 'global' && afterVerb(args, verb)[0]?.value === 'require') return [install('composer', afterVerb(args, verb).slice(1), command, false, false, true)];
      return [];
    }
    case 'mvn':
    case 'mvnw': {
      // Any lifecycle phase or dependency goal resolves the project's dependencies.
      const goals = operands(args, new Set(['-f', '--file', '-s', '--settings', '-pl', '--projects', '-P', '-D'])).map((w) => w.value ?? '');
      return goals.some((g) => /^(dependency:|de\.qaware|validate|compile|test|package|verify|install|deploy)/.test(g) || g.includes('go-offline')) ? [install('maven', [], command, true, false)] : [];
    }
    case 'gradle':
    case 'gradlew':
      return operands(args).length > 0 ? [install('gradle', [], command, true, false)] : [];
    case 'dotnet': {
      const verb = firstOperand(args);
      return verb === 'restore' || verb === 'build' || verb === 'publish' ? [install('dotnet', [], command, true, false)] : [];
    }
    default:
      return [];
  }
}

function install(manager: PackageManager, packages: readonly ShellWord[], command: SimpleCommand, fromManifest: boolean, withDevDependencies: boolean, global = false): PackageAction {
  return { kind: 'install', manager, packages, command, options: optionsOf(command.args), group: null, global, withDevDependencies, fromManifest };
}

function pipActions(command: SimpleCommand): PackageAction[] {
  const args = command.args;
  let rest = args;
  if (command.program === 'python' || command.program === 'python3') {
    const m = args.findIndex((a) => a.value === '-m');
    if (m < 0 || !/^pip3?$/.test(args[m + 1]?.value ?? '')) return [];
    rest = args.slice(m + 2);
  }
  const verb = firstOperand(rest);
  if (verb === 'install') return pipInstall('pip', command, afterVerb(rest, verb), rest);
  if (verb === 'uninstall') return [{ kind: 'remove', manager: 'pip', packages: afterVerb(rest, verb), command, autoRemove: false }];
  if (verb === 'cache' && afterVerb(rest, verb)[0]?.value === 'purge') return [{ kind: 'clean', manager: 'pip', command }];
  return [];
}

function pipInstall(manager: 'pip' | 'uv', command: SimpleCommand, after: readonly ShellWord[], args: readonly ShellWord[]): PackageAction[] {
  const fromManifest = args.some((a, i) => (a.value === '-r' || a.value === '--requirement' || a.value === '-e' || a.value === '--editable') && args[i + 1] !== undefined) || args.some((a) => /^(-r|--requirement=)/.test(a.value ?? '') || a.value === '.');
  return [{ kind: 'install', manager, packages: after.filter((w) => !/^(-r|-e|-c)$/.test(w.value ?? '')), command, options: optionsOf(args), group: null, global: false, withDevDependencies: false, fromManifest }];
}

function nodeActions(program: 'npm' | 'pnpm' | 'bun', command: SimpleCommand): PackageAction[] {
  const args = command.args;
  const verb = firstOperand(args);
  const options = optionsOf(args);
  const text = args.map((a) => a.text).join(' ');
  const global = options.has('-g') || options.has('--global') || options.has('--location=global');
  const omitsDev = /--omit[= ]dev|--production|--only[= ]prod|--prod\b|-P\b/.test(text) || productionEnv(command);
  // `pnpm fetch` fills the store from the lockfile alone: the dependencies, before the sources come.
  if (program === 'pnpm' && verb === 'fetch') return [install(program, [], command, true, !omitsDev, global)];
  if (verb === 'ci' || verb === 'install' || verb === 'i' || verb === 'add') {
    const packages = afterVerb(args, verb);
    if (packages.length === 0 && verb !== 'add') return [install(program, [], command, true, !omitsDev, global)];
    return [install(program, packages, command, false, false, global)];
  }
  if (verb === 'cache' && afterVerb(args, verb)[0]?.value === 'clean') return [{ kind: 'clean', manager: program, command }];
  if (verb === 'prune' || (verb === 'dedupe' && omitsDev)) return [{ kind: 'remove', manager: program, packages: [], command, autoRemove: true }];
  return [];
}

function productionEnv(command: SimpleCommand): boolean {
  return command.assignments.some((a) => a.name === 'NODE_ENV' && a.value?.value === 'production');
}

/**
 * Whether the environment a RUN gets (its stage's ENV and ARG values) makes a manager leave the
 * development dependencies out: `NODE_ENV=production` for npm, Yarn 1 and pnpm,
 * `NPM_CONFIG_PRODUCTION=true`, `BUNDLE_WITHOUT=development`, `COMPOSER_NO_DEV=1`.
 */
export function environmentSkipsDev(manager: PackageManager, value: (name: string) => string | null | undefined): boolean {
  switch (manager) {
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return value('NODE_ENV') === 'production' || /^(true|1)$/i.test(value('NPM_CONFIG_PRODUCTION') ?? value('npm_config_production') ?? '');
    case 'bundle':
      return /(^|[\s:])(development|dev)([\s:]|$)/.test(value('BUNDLE_WITHOUT') ?? '');
    case 'composer':
      return /^(1|true)$/i.test(value('COMPOSER_NO_DEV') ?? '');
    default:
      return false;
  }
}

/** `BUNDLE_WITHOUT=development bundle install`. */
function bundlesWithoutDev(command: SimpleCommand): boolean {
  return command.assignments.some((a) => a.name === 'BUNDLE_WITHOUT' && /development|test/.test(a.value?.value ?? '')) || /--without[= ]/.test(command.args.map((a) => a.text).join(' '));
}

/** The first word that is no option: the verb (`install` in `apt-get -y install x`). */
/** The first word that is not an option (`install` in `npm --silent install`): a command's verb. */
export function firstOperand(args: readonly ShellWord[], valueOptions: ReadonlySet<string> = new Set()): string | undefined {
  return operands(args, valueOptions)[0]?.value ?? undefined;
}

/** The operands after the verb. */
function afterVerb(args: readonly ShellWord[], verb: string | undefined, valueOptions: ReadonlySet<string> = new Set()): ShellWord[] {
  const all = operands(args, valueOptions);
  const at = all.findIndex((w) => w.value === verb);
  return at < 0 ? [] : all.slice(at + 1);
}

/**
 * Whether a package name given to apt (\`apt-mark auto '.*'\`, \`apt-get purge 'lib*-dev'\`) names
 * \`name\`: the name itself, or a pattern — apt reads a word with \`*\`, \`?\` or \`[\` as a glob and
 * the docker-library images' \`'.*'\` as every package.
 */
export function aptNames(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (pattern === '.*' || pattern === '^.*$' || pattern === '*') return true;
  if (!/[*?[]/.test(pattern)) return false;
  const glob = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  try {
    return new RegExp(`^${glob}$`).test(name);
  } catch {
    return false;
  }
}

/**
 * True when a command deletes all of \`folder\`: the folder, everything in it (\`/*\`, \`/.*\`), a
 * glob on its name (\`lists*\`), or a folder above it (\`rm -rf /var/lib\`).
 */
export function removesFolder(command: SimpleCommand, folder: string): boolean {
  const wanted = folder.replace(/\/+$/, '');
  return removedPaths(command).some((path) => {
    const whole = path.replace(/\/+$/, '').replace(/(\/\.?\*|\*)$/, '').replace(/\/+$/, '');
    return whole !== '' && (whole === wanted || wanted.startsWith(`${whole}/`));
  });
}

/**
 * The paths a command deletes, as written: `rm -rf a b`, `rm --recursive --force a`, and the
 * starting points of `find <paths> … -delete` (or `-exec rm`).
 */
export function removedPaths(command: SimpleCommand): string[] {
  if (command.program === 'rm') return operands(command.args).map((w) => w.value ?? w.text);
  if (command.program === 'find' && command.args.some((a, i) => a.value === '-delete' || (a.value === '-exec' && command.args[i + 1]?.value === 'rm'))) {
    const paths: string[] = [];
    for (const arg of command.args) {
      const value = arg.value ?? arg.text;
      if (value.startsWith('-') || value === '(' || value === '!') break;
      paths.push(value);
    }
    return paths;
  }
  return [];
}
