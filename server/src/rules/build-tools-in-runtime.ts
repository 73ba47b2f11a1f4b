import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { variablesInScope } from '../model/variable-scope';
import { aptNames, environmentSkipsDev, firstOperand, packageActions, type PackageAction, type PackageManager } from '../shell/packages';
import { execArgs } from '../shell/run-script';
import { defineRule, type Fix } from './rule';
import { buildArgumentBranch, commandRange, insertAfterWord, positionIn, stageRuns, verbWord } from './run-facts';
import type { RunScript, SimpleCommand } from '../shell/types';
import { insertAt } from './edits';

/** Compilers: with one in the image, the headers and build systems beside it are build tools too. */
const COMPILER = /^(gcc|g\+\+|cpp|clang|clang-\d+|build-essential|build-base|alpine-sdk|golang|golang-go|go|rustc|cargo|gcc-\d+|g\+\+-\d+)$/;
/**
 * Build systems and headers: build tools only next to a compiler. Alone they are often what the
 * image runs (`make` as a task runner, `libvulkan-dev` for the library link). `git` is not here:
 * Go modules, CI agents, Git servers and GitOps tools need it at run time.
 */
const TOOL = /^(make|cmake|ninja-build|meson|maven|gradle|autoconf|automake|libtool|pkg-config|pkgconf|musl-dev|libc6-dev|linux-headers|[\w.+-]+-dev|[\w.+-]+-devel)$/;
const SYSTEM = new Set(['apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper']);

export default defineRule({
  id: 'build-tools-in-runtime',
  summary: 'The stage that ships installs compilers or build tools, or all npm dependencies.',
  severity: 'warning',
  check({ model, shipping, imageFacts, report }) {
    for (const { stage: target } of shipping.shipped) {
      const chain = shippedStages(model, target);
      const runs = chain.flatMap((stage) => stageRuns(model, stage, imageFacts).map((r) => ({ ...r, stage, actions: packageActions(r.script) })));
      const allActions = runs.flatMap((r) => r.actions);
      const command = commandWords(model, chain);
      for (const [i, { run, script, actions, stage }] of runs.entries()) {
        if (!script.parsed) continue;
        const later = runs.slice(i).flatMap((r) => r.actions);
        const tools = new Set<string>();
        for (const action of actions) {
          if (action.kind !== 'install' || !SYSTEM.has(action.manager)) continue;
          for (const word of action.packages) {
            const name = (word.value ?? '').replace(/[=<>].*$/, '');
            // A tool the image's own command runs is what it needs at run time.
            if ((TOOL.test(name) || COMPILER.test(name)) && !removedLater(name, action, later.slice(later.indexOf(action) + 1)) && !command.has(name)) tools.add(name);
          }
        }
        if (![...tools].some((tool) => COMPILER.test(tool)) && !compilerKept(allActions)) tools.clear();
        if (tools.size > 0) {
          const first = actions.find((a) => a.kind === 'install' && a.packages.some((p) => tools.has((p.value ?? '').replace(/[=<>].*$/, ''))));
          // Tools installed only on a branch a build argument chooses (`if [ "$DEBUG" = true ]`): true for those builds.
          const branch = first?.command.conditional ? buildArgumentBranch(model, stage, run, first.command) : null;
          report({
            range: first ? commandRange(model, script, first.command) : run.keywordRange,
            message: `The image that ships installs build tools (${[...tools].join(', ')})${branch ? ` in the builds where ${branch}` : ''}; build in an earlier stage and COPY --from only the result.`,
            lowered: branch !== null,
          });
          continue;
        }
        const all = actions.find((a) => a.kind === 'install' && a.fromManifest && a.withDevDependencies && (a.manager === 'npm' || a.manager === 'yarn' || a.manager === 'pnpm'));
        if (!all || skipsDev(model, run, all.manager) || allActions.slice(allActions.indexOf(all) + 1).some((a) => a.kind === 'remove' && a.manager === all.manager && a.packages.length === 0)) continue;
        const withoutDev = { npm: 'npm ci --omit=dev', yarn: 'yarn install --production', pnpm: 'pnpm install --prod' }[all.manager as 'npm' | 'yarn' | 'pnpm'];
        // A later step that runs the project's scripts (a build, a test) needs the dev dependencies.
        const usesLater = runs.slice(i).flatMap((r) => r.script.commands.filter((c) => (r.run !== run || c.start > all.command.start) && runsProjectScripts(c)).map((command) => ({ ...r, command })));
        const lastUse = usesLater[usesLater.length - 1];
        if (lastUse) {
          const inThisRun = usesLater.every((use) => use.run === run);
          report({
            range: commandRange(model, script, all.command),
            message: inThisRun
              ? `The image that ships keeps the dev dependencies this install adds for the build after it; prune them in the same RUN once the build is done (npm prune --omit=dev), or build in an earlier stage.`
              : `The image that ships installs dev dependencies too, and a later RUN (line ${lastUse.run.range.start.line + 1}) needs them; build in an earlier stage and copy the result with node_modules from a stage that installed with ${withoutDev}.`,
            fixes: inThisRun && all.manager === 'npm' ? [pruneAfterFix(model, script, lastUse.command)].filter((fix) => fix !== null) : [],
          });
          continue;
        }
        const verb = all.manager === 'npm' ? (verbWord(all.command, 'ci') ?? verbWord(all.command, 'install') ?? verbWord(all.command, 'i')) : undefined;
        report({
          range: commandRange(model, script, all.command),
          message: `The image that ships installs dev dependencies too; use ${withoutDev} here, or copy node_modules from a stage that pruned them.`,
          fixes: verb ? [{ title: 'Install without dev dependencies (--omit=dev)', edits: [insertAfterWord(model, script, verb, ' --omit=dev')], preferred: true }] : [],
        });
      }
    }
  },
});

/** Package-manager verbs that run the project's own scripts or binaries, which may be dev dependencies. */
const SCRIPT_VERB = /^(run|run-script|rum|urn|exec|x|dlx|test|t|tst|build|start)$/;
const NOT_SCRIPTS = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'cache', 'config', 'global', 'prune', 'dedupe', 'audit', 'outdated', 'ls', 'list', 'info', 'view', 'why', 'set', 'version', 'link', 'pack', 'publish', 'login', 'init', 'help']);

/** `npm run build`, `npx tsc`, `yarn build`, `pnpm exec vite`: a step that needs what the install put in node_modules. */
function runsProjectScripts(command: SimpleCommand): boolean {
  const program = command.program;
  if (program === 'npx' || program === 'pnpx' || program === 'bunx') return true;
  if (program !== 'npm' && program !== 'pnpm' && program !== 'yarn' && program !== 'bun') return false;
  const verb = firstOperand(command.args);
  if (verb === undefined) return false;
  if (SCRIPT_VERB.test(verb)) return program !== 'bun' || verb !== 'start';
  // yarn and pnpm run a script named as the verb (`yarn build`).
  return (program === 'yarn' || program === 'pnpm') && !NOT_SCRIPTS.has(verb);
}

/** `&& npm prune --omit=dev` after the last step that needs the dev dependencies, in the same RUN. */
function pruneAfterFix(model: DockerfileModel, script: RunScript, last: SimpleCommand): Fix | null {
  if (last.nested || last.conditional) return null;
  const after = script.text.slice(last.end);
  // After the command: the end of the script, or `&&`/`;` and the next command.
  if (!/^\s*($|&&|;)/.test(after)) return null;
  return { title: 'Remove the dev dependencies after the build (npm prune --omit=dev)', edits: [insertAt(positionIn(model, script, last.end), ' && npm prune --omit=dev')], preferred: true };
}

/** A compiler installed anywhere in the shipped chain and never removed. */
function compilerKept(actions: readonly PackageAction[]): boolean {
  return actions.some((action, i) => action.kind === 'install' && action.packages.some((p) => {
    const name = (p.value ?? '').replace(/[=<>].*$/, '');
    return COMPILER.test(name) && !removedLater(name, action, actions.slice(i + 1));
  }));
}

/** Removed after being installed: by name, by its apk `--virtual` group, or marked auto and purged with --auto-remove. */
function removedLater(name: string, install: PackageAction, later: readonly PackageAction[]): boolean {
  if (install.kind !== 'install') return false;
  const markedAuto = later.some((a) => a.kind === 'mark-auto' && a.packages.some((p) => aptNames(p.value ?? '', name)));
  return later.some((a) => {
    if (a.kind !== 'remove' || a.manager !== install.manager) return false;
    if (a.packages.some((p) => p.value === name || (install.group !== null && p.value === install.group))) return true;
    return a.autoRemove && markedAuto;
  });
}

/** The words of the image's CMD and ENTRYPOINT (program names without their folder). */
function commandWords(model: DockerfileModel, chain: readonly Stage[]): Set<string> {
  const words = new Set<string>();
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      const args = instruction.jsonForm ? (execArgs(model, instruction) ?? []) : instruction.args.map((a) => a.value);
      for (const arg of args) for (const word of arg.split(/[\s;&|]+/)) if (word) words.add(word.replace(/^.*\//, ''));
    }
  }
  return words;
}

/** The RUN's environment (`ENV NODE_ENV=production` above it, in its stage or those below) leaves dev dependencies out. */
function skipsDev(model: DockerfileModel, run: Instruction, manager: PackageManager): boolean {
  const scope = variablesInScope(model, run.range.start.line);
  return environmentSkipsDev(manager, (name) => scope.get(name)?.value);
}
