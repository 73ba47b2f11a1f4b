import { lineBreak, lineText } from '../model/queries';
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { declarations, namesFromBaseStages } from '../model/variable-scope';
import { variableUses } from '../model/variables';
import { scriptVariables } from '../shell/run-script';
import { automaticArgs, DEFAULT_PLATFORM } from '../words/platform';
import { insertAt } from './edits';
import { defineRule, type Fix, type RuleContext } from './rule';
import { positionIn, stageRuns } from './run-facts';
import { baseImageOf, completeImageEnv } from './stage-state';

/** The automatic platform arguments: defined before the first FROM only, so a stage must declare them. */
const PLATFORM_ARGS: ReadonlySet<string> = new Set(automaticArgs(DEFAULT_PLATFORM).keys());

export default defineRule({
  id: 'arg-not-in-stage',
  summary: 'A RUN uses a build argument declared before FROM or in another stage, not in its own: it is empty there.',
  severity: 'warning',
  check(context) {
    const { model, imageFacts, report } = context;
    const elsewhere = declaredAnywhere(model);
    for (const stage of model.stages) {
      const defined = namesFromBaseStages(model, stage);
      let imageSets: ImageEnv | null = null;
      const scripts = new Map(stageRuns(model, stage, imageFacts).map((r) => [r.run, r.script]));
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'RUN') {
          const script = scripts.get(instruction);
          const variables = script && !instruction.jsonForm ? scriptVariables(script) : null;
          const reported = new Set<string>();
          for (const use of variables?.uses ?? []) {
            const name = use.name;
            if (defined.has(name) || variables?.assigned.has(name) || reported.has(name)) continue;
            const why = whyEmpty(elsewhere.get(name), name, stage, instruction);
            if (!why || !script) continue;
            imageSets ??= imageEnv(context, stage);
            if (imageSets.sets(name) || (why.needsKnownImage && !imageSets.complete)) continue;
            reported.add(name);
            report({
              range: { start: positionIn(model, script, use.start), end: positionIn(model, script, use.end) },
              message: why.declareHere
                ? `'${name}' is declared ${why.where} but not in this stage, so it is empty in this RUN; add 'ARG ${name}' to the stage.`
                : `'${name}' is set ${why.where}, so it is empty in this RUN; set it before.`,
              fixes: why.declareHere ? [declareFix(model, instruction, name)] : [],
            });
          }
        }
        for (const { name } of declarations(model, instruction)) defined.add(name);
      }
    }
  },
});

/** Where a name is declared: before the first FROM (stage null), or in a stage at a line. */
interface Declared {
  readonly stage: Stage | null;
  readonly line: number;
  readonly kind: 'ARG' | 'ENV';
}

/** Every place an ARG or ENV declares each name. */
function declaredAnywhere(model: DockerfileModel): Map<string, Declared[]> {
  const where = new Map<string, Declared[]>();
  const add = (name: string, place: Declared): void => void where.set(name, [...(where.get(name) ?? []), place]);
  for (const arg of model.globalArgs) add(arg.name, { stage: null, line: arg.nameRange.start.line, kind: 'ARG' });
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const kind = instruction.keyword === 'ENV' ? 'ENV' : 'ARG';
      for (const { name } of declarations(model, instruction)) add(name, { stage, line: instruction.range.start.line, kind });
    }
  }
  return where;
}

/** What to say of a name the RUN cannot see, and whether declaring it here is the remedy; null when nothing declares it. */
function whyEmpty(places: readonly Declared[] | undefined, name: string, stage: Stage, run: Instruction): Why | null {
  const later = places?.find((p) => p.stage === stage && p.line > run.range.start.line);
  if (later) return { where: `only later in this stage (line ${later.line + 1})`, declareHere: false };
  if (places?.some((p) => p.stage === null)) return { where: 'before FROM', declareHere: true };
  const other = places?.find((p) => p.stage !== null && p.stage !== stage);
  if (other?.stage) {
    // An ENV of another stage often names what base images set too (JAVA_HOME, GOPATH): only known image variables tell.
    return { where: `in stage ${other.stage.name ? `'${other.stage.name}'` : other.stage.index}`, declareHere: true, needsKnownImage: other.kind === 'ENV' };
  }
  return PLATFORM_ARGS.has(name) ? { where: 'before FROM (BuildKit sets it there)', declareHere: true } : null;
}

interface Why {
  readonly where: string;
  /** Whether `ARG NAME` in this stage is the remedy (not so for a name set later in it). */
  readonly declareHere: boolean;
  /** Whether to say it only when the base image's variables are all known. */
  readonly needsKnownImage?: boolean;
}

/**
 * Whether the base image may set a name itself. Known facts answer; otherwise a name the chain's
 * FROM line uses is taken as one the image sets too (the official images set `NODE_VERSION`,
 * `PYTHON_VERSION`… the very names written to choose them).
 */
interface ImageEnv {
  readonly sets: (name: string) => boolean;
  /** Whether every variable the image sets is known (an inspected image, or none at all). */
  readonly complete: boolean;
}

function imageEnv(context: RuleContext, stage: Stage): ImageEnv {
  const complete = completeImageEnv(context, stage);
  if (complete) return { sets: (name) => complete.has(name), complete: true };
  const root = shippedStages(context.model, stage)[0];
  const image = root ? baseImageOf(context.model, root, context.platform) : null;
  const partial = new Set((image ? context.imageFacts(image)?.facts.env : undefined) ?? []);
  const choosing = root ? namesChoosingImage(context.model, root) : new Set<string>();
  return { sets: (name) => partial.has(name) || choosing.has(name), complete: false };
}

/** The variables a stage's FROM line uses, and those their global ARG defaults use in turn. */
function namesChoosingImage(model: DockerfileModel, stage: Stage): Set<string> {
  const from = model.text.slice(model.lineStarts[stage.from.range.start.line], model.lineStarts[stage.from.range.end.line + 1] ?? model.text.length);
  const names = new Set<string>();
  const waiting = variableUses(from, model.escapeChar).map((use) => use.name);
  for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
    if (names.has(name)) continue;
    names.add(name);
    for (const arg of model.globalArgs) if (arg.name === name && arg.writtenDefault !== null) waiting.push(...variableUses(arg.writtenDefault, model.escapeChar).map((use) => use.name));
  }
  return names;
}

/** `ARG NAME` on the line before the RUN: the value is then the one the build gives, from there on. */
function declareFix(model: DockerfileModel, run: Instruction, name: string): Fix {
  const line = run.range.start.line;
  const indent = /^[ \t]*/.exec(lineText(model, line))?.[0] ?? '';
  return { title: `Declare ARG ${name} in this stage`, edits: [insertAt({ line, character: 0 }, `${indent}ARG ${name}${lineBreak(model)}`)], unsafe: true };
}
