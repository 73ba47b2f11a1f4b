import type { TextEdit } from 'vscode-languageserver-types';
import { instructionBody } from '../model/instruction-text';
import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction, Stage } from '../model/types';

/** Instructions about running the image: they move to the runtime stage. */
const RUNTIME_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME']);

export interface Conversion {
  readonly title: string;
  readonly edits: TextEdit[];
}

/**
 * "Convert to a multi-stage build" for a single-stage Dockerfile of a known ecosystem (Go, Node.js,
 * Python): the stage becomes `build`, and a `runtime` stage on a small image gets only what runs,
 * with the instructions about running it (CMD, ENTRYPOINT, EXPOSE, USER, HEALTHCHECK…).
 */
export function convertToMultiStage(model: DockerfileModel): Conversion | null {
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0] as Stage;
  const image = stage.baseImage;
  if (!image || image.hasVariables || image.digest) return null;
  // Text appended after an unterminated heredoc would become part of its body.
  if (stage.instructions.some((i) => i.heredocs.some((h) => h.delimiterRange === null))) return null;
  const repository = image.repository.value.split('/').pop() ?? '';
  const tag = image.tag?.value ?? null;
  const workdir = lastAbsoluteWorkdir(stage);
  const moved = stage.instructions.filter((i) => RUNTIME_KEYWORDS.has(i.keyword));
  const movedText = moved.map((i) => instructionLines(model, i));
  const hasUser = moved.some((i) => i.keyword === 'USER');
  const plan =
    repository === 'golang' ? goPlan(model, stage, workdir) : repository === 'node' ? nodePlan(model, stage, tag, workdir, hasUser) : repository === 'python' ? pythonPlan(tag, workdir, hasUser) : null;
  if (!plan) return null;
  const nl = lineBreak(model);
  const edits: TextEdit[] = [];
  const buildName = stage.name ?? 'build';
  const imageArg = stage.from.args[0];
  if (!stage.name && imageArg) edits.push({ range: { start: imageArg.range.end, end: imageArg.range.end }, newText: ' AS build' });
  if (plan.buildSetup.length > 0) {
    const end = stage.from.range.end;
    edits.push({ range: { start: end, end }, newText: plan.buildSetup.map((line) => `${nl}${line}`).join('') });
  }
  for (const instruction of moved) {
    edits.push({ range: { start: { line: instruction.range.start.line, character: 0 }, end: { line: instruction.range.end.line + 1, character: 0 } }, newText: '' });
  }
  const runtime = [plan.runtimeFrom, ...plan.runtimeSetup.map((line) => line.replace(/\{build\}/g, buildName)), ...movedText];
  const end = { line: stage.lastLine, character: lineText(model, stage.lastLine).length };
  const lastIsEmpty = lineText(model, stage.lastLine).trim() === '';
  edits.push({ range: { start: end, end }, newText: `${lastIsEmpty ? '' : nl}${nl}${runtime.join(nl)}${nl}` });
  return { title: `Convert to a multi-stage build (${plan.ecosystem}: build → ${plan.runtimeImage})`, edits };
}

interface Plan {
  readonly ecosystem: string;
  readonly runtimeImage: string;
  readonly runtimeFrom: string;
  readonly buildSetup: string[];
  readonly runtimeSetup: string[];
}

function goPlan(model: DockerfileModel, stage: Stage, workdir: string | null): Plan | null {
  const build = stage.instructions.map((i) => (i.keyword === 'RUN' ? instructionBody(model, i) : '')).join('\n');
  const output = /go\s+build\b[^\n&;|]*?-o[=\s]+(\S+)/.exec(build)?.[1];
  if (!output) return null;
  const binary = output.startsWith('/') ? output : workdir ? `${workdir.replace(/\/$/, '')}/${output.replace(/^\.\//, '')}` : null;
  if (!binary) return null;
  const runtimeImage = 'gcr.io/distroless/static-debian12:nonroot';
  const cgoOff = /CGO_ENABLED=0/.test(model.text);
  return {
    ecosystem: 'Go',
    runtimeImage,
    runtimeFrom: `FROM ${runtimeImage} AS runtime`,
    buildSetup: cgoOff ? [] : ['ENV CGO_ENABLED=0'],
    runtimeSetup: [`COPY --from={build} ${binary} ${binary}`],
  };
}

function nodePlan(model: DockerfileModel, stage: Stage, tag: string | null, workdir: string | null, hasUser: boolean): Plan | null {
  if (!workdir || !tag) return null;
  const runtimeTag = /alpine|slim/.test(tag) ? tag : /^\d+(\.\d+)*$/.test(tag) ? `${tag}-slim` : null;
  if (!runtimeTag) return null;
  const builds = stage.instructions.some((i) => i.keyword === 'RUN' && /npm\s+run\s+build/.test(instructionBody(model, i)));
  return {
    ecosystem: 'Node.js',
    runtimeImage: `node:${runtimeTag}`,
    runtimeFrom: `FROM node:${runtimeTag} AS runtime`,
    buildSetup: [],
    runtimeSetup: [
      `WORKDIR ${workdir}`,
      'ENV NODE_ENV=production',
      `COPY --from={build} ${workdir.replace(/\/$/, '')}/package*.json ./`,
      'RUN npm ci --omit=dev',
      builds ? `COPY --from={build} ${workdir.replace(/\/$/, '')}/dist ./dist` : 'COPY . .',
      ...(hasUser ? [] : ['USER node']),
    ],
  };
}

function pythonPlan(tag: string | null, workdir: string | null, hasUser: boolean): Plan | null {
  if (!workdir || !tag) return null;
  const runtimeTag = /slim|alpine/.test(tag) ? tag : /^\d+(\.\d+)*$/.test(tag) ? `${tag}-slim` : null;
  if (!runtimeTag) return null;
  return {
    ecosystem: 'Python',
    runtimeImage: `python:${runtimeTag}`,
    runtimeFrom: `FROM python:${runtimeTag} AS runtime`,
    buildSetup: ['RUN python -m venv /opt/venv', 'ENV PATH="/opt/venv/bin:$PATH"'],
    runtimeSetup: [
      'COPY --from={build} /opt/venv /opt/venv',
      'ENV PATH="/opt/venv/bin:$PATH"',
      `WORKDIR ${workdir}`,
      'COPY . .',
      ...(hasUser ? [] : ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app']),
    ],
  };
}

function lastAbsoluteWorkdir(stage: Stage): string | null {
  let workdir: string | null = null;
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'WORKDIR' && instruction.args[0]?.value.startsWith('/')) workdir = instruction.args[0].value;
  }
  return workdir;
}

function instructionLines(model: DockerfileModel, instruction: Instruction): string {
  const lines: string[] = [];
  for (let line = instruction.range.start.line; line <= instruction.range.end.line; line++) lines.push(lineText(model, line));
  return lines.join(lineBreak(model));
}
