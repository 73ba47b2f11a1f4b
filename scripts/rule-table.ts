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
    'Rules about the image that ships (root user, build tools, health check, whole-stage copies, `--chown`, SDK bases) look only at stages that ship as runnable images; size rules (consecutive RUNs, apt and apk caches) at the stages whose layers end up in one — each shipped stage and the stages it is built `FROM`, never builder stages it only copies from. What ships is decided in this order:',
    '',
    '1. the build target you chose: `dockerfileStages` target picker, `target` in `.dockerfile-stages.json`, `check --target`;',
    '2. else the stages the workspace pushes, deploys or builds as images, where they run: `build.target` of a compose service, a Bake target with `output` `type=image`/`registry`/`docker` or `tags`, `docker/build-push-action` with `target:`, `docker build --target` in workflows, GitLab CI, Makefiles and scripts, Skaffold artifacts;',
    '3. else the last stage, when it runs (it or its base has a command);',
    '4. else a runtime stage named like a release (`release`, `runtime`, `prod`, `production`, `final`, `app`…).',
    '',
    'Every stage has a role, shown on hover: **runtime** (it has a command), **builder** (later stages copy from it), **export** (`FROM scratch` with files and no command, or a Bake/`--output` export), **check** (named `test`, `lint`, `validate`…, or built as a check by a Bake `cacheonly` output or a test job), **dev** (named `dev`, `debug`, `devcontainer`…, in `Dockerfile.dev`, built FROM a dev stage, or built by a dev container, a compose override or a compose service that mounts its sources), **base** (later stages are built FROM it, or a tool image with no command). When nothing can be known to ship, these rules stay silent.',
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
