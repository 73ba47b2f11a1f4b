import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { insertAt, replace } from './edits';
import { instructionBody } from '../model/instruction-text';
import { defineRule, type Fix, type RuleContext } from './rule';

/** BuildKit's reading of a secret-looking name: one of these words as a whole `_`-separated part. */
const SECRET_NAME = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** BuildKit's allow-list: a name with one of these words as a whole part holds no secret (`NEXT_PUBLIC_MAPS_KEY`, `TOKEN_FILE`, `AUTH_VERSION`). */
const ALLOWED_NAME = /(?:^|_)(?:public|file|version)(?:_|$)/i;
/** Values that are credentials whatever they are called. */
const SECRET_VALUE = /^(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{32,})$/;

export default defineRule({
  id: 'secret-in-arg-env',
  summary: 'An ARG or ENV whose name or value looks like a secret: it stays in the image history.',
  severity: 'warning',
  hadolint: ['DL3064'],
  buildkit: 'SecretsUsedInArgOrEnv',
  // A global ARG reaches the image history only when a stage declares it again: stages only, and
  // only those whose layers (and so history) reach someone — a builder's history is never pulled.
  check({ model, shipping, report }) {
    for (const stage of model.stages) if (shipping.layerStages.has(stage.index)) checkStage(model, stage, report);
  },
});

/** Reports the secret-looking ARG and ENV of one stage whose history ships. */
function checkStage(model: DockerfileModel, stage: Stage, report: RuleContext['report']): void {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
    for (const arg of instruction.args) {
      const [name = '', value = ''] = arg.value.split(/=(.*)/s, 2);
      const unquoted = value.replace(/^["']|["']$/g, '');
      if (!SECRET_VALUE.test(unquoted) && !(SECRET_NAME.test(name) && !ALLOWED_NAME.test(name) && mayHoldSecret(instruction.keyword, name, arg.value.includes('='), unquoted))) continue;
      const fix = instruction.keyword === 'ARG' && instruction.args.length === 1 && value === '' ? secretMountFix(model, stage, instruction, name) : null;
      report({
        range: arg.range,
        message: `${instruction.keyword} '${name}' looks like a secret, and ${instruction.keyword} values stay in the image history; pass it with RUN --mount=type=secret,id=${name.toLowerCase()} instead.`,
        fixes: fix ? [fix] : [],
      });
    }
  }
}

/** Names of values that point at a secret or identify a public key, never hold one. */
const NOT_A_SECRET_NAME = /(_FILE|_PATH|_DIR|_URL|_ID|_NAME|_FINGERPRINT|_FINGERPRINTS|_PUBLIC_KEY|_PUB)$|^GPG_KEYS?$|PUBLIC_?KEY/i;
/** Values that hold nothing: placeholders to fill in at run time. */
const PLACEHOLDER = /^(_+|-|x+|<[^>]*>|\*+|none|null|changeme_?at_?runtime|your[_-].*|test|testing|fake|dummy|unset|example|sample)$|placeholder|dummy|^(build|ci)[-_]/i;
/** Switches and numbers: `GF_AUTH_BASIC_ENABLED=false`, `TOKEN_TTL=3600`. */
const SWITCH = /^(true|false|yes|no|on|off|enabled?|disabled?|[0-9]+[smhd]?)$/i;

/**
 * Whether a secret-looking name holds a secret, judged by its value: an ARG without a value gets
 * one from --build-arg, which stays in the history; an empty value, a placeholder, a path to a
 * secret file, a key id or a public fingerprint hold none.
 */
function mayHoldSecret(keyword: string, name: string, hasValue: boolean, value: string): boolean {
  if (NOT_A_SECRET_NAME.test(name)) return false;
  if (keyword === 'ARG' && !hasValue) return true;
  if (value === '' || PLACEHOLDER.test(value) || SWITCH.test(value)) return false;
  // A file path or a public key id (hex) is no secret.
  if (/^\//.test(value) || /^(0x)?[0-9A-F]{16,40}( [0-9A-F]{16,40})*$/i.test(value)) return false;
  return true;
}

/**
 * Turns a secret build argument into a build secret: the ARG goes, and each RUN of the stage that
 * uses it mounts the secret into the same variable. The build is then run with
 * `--secret id=<id>,env=<NAME>` instead of `--build-arg`, so the fix is never applied unasked.
 */
function secretMountFix(model: DockerfileModel, stage: Stage, arg: Instruction, name: string): Fix | null {
  const uses = new RegExp(`\\$(\\{${name}[}:]|${name}\\b)`);
  const runs = stage.instructions.filter((i) => i.keyword === 'RUN' && i.range.start.line > arg.range.start.line && uses.test(instructionBody(model, i)));
  if (runs.length === 0 || arg.range.start.line !== arg.range.end.line) return null;
  const id = name.toLowerCase();
  return {
    title: `Pass ${name} as a build secret (RUN --mount=type=secret,id=${id},env=${name})`,
    edits: [
      replace({ start: { line: arg.range.start.line, character: 0 }, end: { line: arg.range.start.line + 1, character: 0 } }, ''),
      ...runs.map((run) => insertAt(run.keywordRange.end, ` --mount=type=secret,id=${id},env=${name}`)),
    ],
    unsafe: true,
  };
}
