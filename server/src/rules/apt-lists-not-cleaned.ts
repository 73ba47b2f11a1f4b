import type { SourcedFacts } from '../images/image-facts';
import { resolvedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { packageActions, removesFolder } from '../shell/packages';
import type { RunScript, SimpleCommand } from '../shell/types';
import { insertAt, replace } from './edits';
import { calledScripts } from './called-scripts';
import { defineRule, type Fix } from './rule';
import { appendableRun, appendToRun, commandRange, mountedOver, positionIn, stageRuns } from './run-facts';
import { layerStages } from './stage-state';

const CLEAN_UP = 'rm -rf /var/lib/apt/lists/*';

export default defineRule({
  id: 'apt-lists-not-cleaned',
  summary: 'A RUN that runs apt-get update leaves /var/lib/apt/lists in a layer that ships.',
  severity: 'warning',
  hadolint: ['DL3009'],
  check({ model, shipping, imageFacts, buildContext, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const { run, script } of stageRuns(model, stage, imageFacts)) {
        if (!script.parsed || mountedOver(run, '/var/lib/apt')) continue;
        const update = packageActions(script).find((action) => action.kind === 'update-lists' && action.manager === 'apt');
        if (!update) continue;
        if (cleansLists(script.commands)) continue;
        // A script of the context the RUN runs may clean up: read it; one that cannot be read may too.
        if (calledScripts(model, stage, run, script, buildContext).some((called) => called.commands === null || cleansLists(called.commands))) continue;
        // Later RUNs that install from these lists without their own update: removing the lists here breaks them.
        const readers = laterListReaders(model, stage, run, imageFacts);
        const reader = readers[0];
        report({
          range: commandRange(model, script, update.command),
          message: reader
            ? `apt-get update leaves the package lists in this layer, and the RUN at line ${reader.run.range.start.line + 1} installs from them; run apt-get update in the RUN that installs and end that RUN with '${CLEAN_UP}'.`
            : `apt-get update leaves the package lists in this layer; end the same RUN with '${CLEAN_UP}'.`,
          fixes: [readers.length === 0 ? cleanUpFix(model, run) : readers.length === 1 && reader?.stage === stage ? moveUpdateFix(model, run, script, update.command, reader) : null].filter((fix) => fix !== null),
        });
      }
    }
  },
});

function cleansLists(commands: readonly SimpleCommand[]): boolean {
  return commands.some(
    (command) => removesFolder(command, '/var/lib/apt/lists') || ((command.program === 'apt-get' || command.program === 'apt') && command.args.some((a) => a.value === 'distclean' || a.value === 'dist-clean')),
  );
}

/** A RUN that installs with apt from lists an earlier RUN left (no update of its own before the install). */
interface ListReader {
  readonly stage: Stage;
  readonly run: Instruction;
  readonly script: RunScript;
  readonly install: SimpleCommand;
}

/** The RUNs after `run` in its stage, then in the stages built FROM it, that read the lists `run` leaves. */
function laterListReaders(model: DockerfileModel, stage: Stage, run: Instruction, facts: (image: string) => SourcedFacts | null): ListReader[] {
  const readers: ListReader[] = [];
  const visit = (current: Stage, after: Instruction | null): void => {
    for (const { run: later, script } of stageRuns(model, current, facts)) {
      if (after && later.range.start.line <= after.range.start.line) continue;
      const actions = packageActions(script).filter((a) => a.manager === 'apt');
      const first = actions.find((a) => a.kind === 'update-lists' || a.kind === 'install');
      if (first?.kind === 'install' && !mountedOver(later, '/var/lib/apt')) readers.push({ stage: current, run: later, script, install: first.command });
      // A RUN that updates or removes the lists ends what this one left.
      if (first?.kind === 'update-lists' || cleansLists(script.commands)) return;
    }
    for (const child of stagesBuiltFrom(model, current)) visit(child, null);
  };
  visit(stage, run);
  return readers;
}

function stagesBuiltFrom(model: DockerfileModel, stage: Stage): Stage[] {
  return model.references
    .filter((r) => r.kind === 'from' && resolvedStages(r.resolution).includes(stage.index))
    .map((r) => model.stages[r.fromStage] as Stage);
}

function cleanUpFix(model: DockerfileModel, run: Instruction): Fix | null {
  return appendableRun(model, run) ? { title: 'Remove the apt lists in the same RUN', edits: [appendToRun(model, run, CLEAN_UP)], preferred: true } : null;
}

/**
 * A RUN that only updates, read by one later RUN of the same stage: the update moves into that RUN,
 * which then removes the lists (the split `RUN apt-get update` / `RUN apt-get install` layout).
 */
function moveUpdateFix(model: DockerfileModel, run: Instruction, script: RunScript, update: SimpleCommand, reader: ListReader): Fix | null {
  const onlyUpdate = script.commands.length === 1 && script.commands[0] === update && !update.nested && !update.conditional && update.redirects.length === 0;
  if (!onlyUpdate || run.flags.length > 0 || !appendableRun(model, run) || !appendableRun(model, reader.run)) return null;
  if (reader.install.nested || reader.install.conditional || reader.install.joiner === '|') return null;
  const updateText = script.text.slice(update.start, update.end);
  const nextLine = run.range.end.line + 1;
  return {
    title: `Run apt-get update in the RUN at line ${reader.run.range.start.line + 1} and remove the lists there`,
    edits: [
      replace({ start: { line: run.range.start.line, character: 0 }, end: { line: nextLine, character: 0 } }, ''),
      insertAt(positionIn(model, reader.script, reader.install.start), `${updateText} && `),
      appendToRun(model, reader.run, CLEAN_UP),
    ],
    preferred: true,
  };
}
