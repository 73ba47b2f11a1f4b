import { RULES } from '../server/src/rules/index';

/** docs/rules/README.md: the catalogue with its mapping to BuildKit checks and hadolint rules. */
export function ruleTable(): string {
  const rows = RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](${rule.id}.md) | ${rule.severity} | ${rule.summary.replace(/\|/g, '\\|')} | ${rule.buildkit ? `\`${rule.buildkit}\`` : ''} | ${(rule.hadolint ?? []).map((code) => `\`${code}\``).join(', ')} |`,
  );
  return [
    '# Rules',
    '',
    '<!-- Generated from server/src/rules/index.ts by `npm run gen`; a test fails when it is stale. -->',
    '',
    'Every rule has a page with what it checks, why, a bad and a good example, and how to silence it.',
    'Where a rule means the same as a BuildKit build check or a hadolint rule, their suppression',
    "comments work for it too: `# check=skip=<Check>` (BuildKit's directive at the top of the file) and",
    '`# hadolint ignore=<code>` / `# hadolint global ignore=<code>`.',
    '',
    '| rule | default | what it reports | BuildKit check | hadolint |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Suppression',
    '',
    '- `# dockerfile-stages ignore=<id>[,<id>] # reason` on the line above an instruction (blank and comment lines may sit between); the reason is kept.',
    '- `# dockerfile-stages ignore-file=<id>[,<id>]` anywhere in the file.',
    '- `# hadolint ignore=DLxxxx` above an instruction and `# hadolint global ignore=DLxxxx` for the rules in the hadolint column.',
    '- `# check=skip=<Check>[,<Check>]` or `# check=skip=all` in the parser directives for the rules in the BuildKit column.',
    '- `dockerfileStages.rules` in the VS Code settings, or `rules` in a `.dockerfile-stages.json` next to the Dockerfile or in a folder above it: `{ "<id>": "off" | "hint" | "info" | "warning" | "error" }`. The settings win over the file.',
    '',
    '## The stage that ships',
    '',
    'Each stage is asked two questions. **Do its layers reach anyone?** — the size, cache, secret and package rules (consecutive RUNs, apt and apk caches, secrets in `ARG`/`ENV`) look only at those stages. **Does it run as a process someone deploys?** — the rules about a running server (root user, build tools, health check, `--chown`, SDK bases) look only at those; rules about an image\'s contents (whole-stage copies, C library mismatches) at every image that ships. In this order:',
    '',
    '1. the build target you chose (`dockerfileStages` target picker, `target` in `.dockerfile-stages.json`, `check --target`) ships and is deployed;',
    '2. else the stages the workspace pushes, deploys or builds as images: `build.target` of a compose service, a Bake target with `output` `type=image`/`registry`/`docker` or `tags`, `docker/build-push-action` with `target:` (a matrix target matches every stage it can name), `docker build --target` in workflows, GitLab CI, Makefiles and scripts, Skaffold artifacts — toolchain and base images too, whatever they run;',
    '3. else the last stage; and, with no build file at all, each stage no other builds on that has a command of its own (sibling images of one Dockerfile);',
    '4. else a runtime stage named like a release (`release`, `runtime`, `prod`, `production`, `final`, `app`…).',
    '',
    'The stages they are built `FROM` ship their layers too; builder stages they only copy from never do. Of those images, only a **runtime** runs as a deployed process: a server (it exposes a port, has a `HEALTHCHECK`, starts a known daemon, has a `serve`/`run`/`start` subcommand, listens on a flag or an environment variable, or its program or stage is named like a server), or a command that says nothing either way — not a **tool** (a CLI, a shell, a REPL, `--help`, a migration, a build job, `sleep infinity` to exec into).',
    '',
    'Every stage has a role, shown on hover, in the Stages view and by `check --explain`: **runtime**, **tool**, **builder** (later stages copy from it), **base** (later stages are built FROM it, or an image with no command), **export** (`FROM scratch` with files and no command, or a Bake/`--output` export), **check** (named `test`, `lint`, `validate`…, or built as a check by a Bake `cacheonly` output or a test job), **dev** (named `dev`, `debug`, `devcontainer`…, in `Dockerfile.dev` or `.devcontainer/`, running a development server, or built by a dev container, a compose override or a compose service that mounts its sources) and **fixture** (a Dockerfile under `test/`, `e2e/`, `testdata/`, `integration_tests/`…). A last stage that copies a program onto a language runtime (python, node, ruby, php, a JRE) and sets no command is a runtime its runner starts. When nothing can be known to ship, these rules stay silent.',
    '',
  ].join('\n');
}

/** The `dockerfileStages.rules` settings schema: one property per rule, so settings.json completes ids. */
export function rulesSettingSchema(): Record<string, unknown> {
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription:
      'Severity per rule id: `off`, `hint`, `info`, `warning` or `error`, e.g. `{ "stage-ref-forward": "warning" }`. Wins over `rules` in `.dockerfile-stages.json`. [Open the rule pages](command:dockerfileStages.openDocs?%5B%22rules%22%5D).',
    properties: ruleProperties(),
    // The Settings UI fills a new entry with the default: the rule's own, not the first value (off).
    additionalProperties: { type: 'string', enum: SEVERITY_VALUES, default: 'warning' },
  };
}

const SEVERITY_VALUES = ['off', 'hint', 'info', 'warning', 'error'];

function ruleProperties(): Record<string, unknown> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, { type: 'string', enum: SEVERITY_VALUES, default: rule.severity, description: `${rule.summary} (default: ${rule.severity})` }]));
}

/** The JSON schema of `.dockerfile-stages.json`, for completion and validation in VS Code (jsonValidation). */
export function projectConfigSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Dockerfile Stages project configuration',
    description: 'Read by the editor and the command-line checker for the Dockerfiles in this folder and below (the nearest file wins).',
    type: 'object',
    additionalProperties: false,
    properties: {
      target: { type: 'string', description: 'The stage you build (docker build --target): the final-image rules check it. Wins over what the workspace\'s build files say.' },
      platform: { type: 'string', pattern: '^[a-zA-Z0-9]+/[a-zA-Z0-9_]+(/[a-zA-Z0-9]+)?$', description: 'The target platform (linux/arm64) the automatic build arguments (TARGETARCH…) take.' },
      context: { type: 'string', description: 'The build context folder, relative to this file.' },
      contexts: { type: 'object', description: 'The build context folder per Dockerfile, both relative to this file: { "api/Dockerfile": "." }.', additionalProperties: { type: 'string' } },
      rules: { type: 'object', description: 'Severity per rule id: off, hint, info, warning or error.', properties: ruleProperties(), additionalProperties: false },
    },
  };
}
