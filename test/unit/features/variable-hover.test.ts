import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/features/hover';
import { buildModel } from '../../../server/src/model/model-builder';
import { variablesInScope } from '../../../server/src/model/variable-scope';
import { variableUses } from '../../../server/src/model/variables';
import { processWord } from '../../../server/src/words/lexer';
import { withCursor } from '../../support/fixtures';

function hoverText(source: string): string | null {
  const { text, position } = withCursor(source);
  const result = hover(buildModel(text), position);
  return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : null;
}

const file = [
  'ARG REGISTRY=docker.io',
  'ARG NODE_VERSION=20',
  'ARG IMAGE=${REGISTRY}/library/node:${NODE_VERSION}-alpine',
  'FROM ${IMAGE} AS base',
  'ARG NODE_VERSION',
  'ENV APP_HOME=/srv/app',
  'ENV DATA=${APP_HOME}/data',
  'FROM base AS app',
  'ARG TOKEN',
  'WORKDIR $DATA',
].join('\n');

describe('variables through their scopes', () => {
  it('resolves global ARGs from each other, re-declared ARGs from the global default, ENV from what came before, and the ENVs (not the ARGs) of stages built FROM others', () => {
    const globals = variablesInScope(buildModel(file), 3);
    assert.equal(globals.get('IMAGE')?.value, 'docker.io/library/node:20-alpine');
    const inApp = variablesInScope(buildModel(file), 9);
    assert.deepEqual(
      [...inApp.values()].map((d) => [d.name, d.value, d.kind, d.stage]),
      [
        ['APP_HOME', '/srv/app', 'ENV', 'base'],
        ['DATA', '/srv/app/data', 'ENV', 'base'],
        ['TOKEN', null, 'ARG', 'app'],
      ],
    );
    assert.equal(variablesInScope(buildModel(file), 5).has('APP_HOME'), false, 'not yet declared on its own line');
  });

  it('shows the value and the declaration on hover, nested forms and FROM images included', () => {
    assert.equal(hoverText(file.replace('WORKDIR $DATA', 'WORKDIR $DA$0TA')), '**`DATA`** = `/srv/app/data` — ENV in stage `base`, line 7');
    assert.equal(hoverText(file.replace('${APP_HOME}/data', '${APP_$0HOME}/data')), '**`APP_HOME`** = `/srv/app` — ENV in stage `base`, line 6');
    assert.match(hoverText(file.replace('ARG TOKEN', 'RUN echo ${TOK$0EN:-none}')) ?? '', /not declared by an ARG or ENV/);
    assert.match(hoverText(`${file}\nRUN echo $TOK$0EN`) ?? '', /no default: set with `--build-arg TOKEN=…`/);
    assert.match(hoverText(file.replace('FROM ${IMAGE} AS base', 'FROM ${IMAGE} AS base').replace('FROM ${IMAGE}', 'FROM ${IMA$0GE}')) ?? '', /`IMAGE`\*\* = `docker.io\/library\/node:20-alpine` — global ARG, line 3/);
    assert.match(hoverText('FROM --platform=$BUILDPLAT$0FORM golang:1.25\n') ?? '', /set by BuildKit for every build/);
  });

  it('says what a FROM image with build arguments is with their defaults', () => {
    assert.match(hoverText('ARG TAG=3.20\nFROM alpine:${T$0AG}\n'.replace('${T$0AG}', '${TAG}').replace('alpine', 'alp$0ine')) ?? '', /With the default build arguments: `alpine:3.20`\n\n- Registry: `docker.io \(Docker Hub\)`\n- Repository: `library\/alpine`\n- Tag: `3.20`/);
  });

  it('expands nested defaults, alternatives and empty values as BuildKit does', () => {
    const values: Record<string, string> = { B: 'b', EMPTY: '', SET: 'yes' };
    const substitute = (text: string) => processWord(text, (name) => values[name]).value;
    assert.equal(substitute('${A:-${B}}/x'), 'b/x');
    assert.equal(substitute('${A:-${C:-c}}'), 'c');
    assert.equal(substitute('${SET:+on}${A:+on}'), 'on');
    assert.equal(substitute('${EMPTY:-d}|${EMPTY-d}'), 'd|');
    assert.deepEqual(variableUses('a ${A:-${B}} \\$C $D').map((u) => [u.name, u.fallback]), [['A', '${B}'], ['D', null]]);
  });
});


describe('stage references written with variables', () => {
  const text = 'ARG FROM_STAGE=build\nFROM golang:1.25 AS build\nFROM alpine:3.20 AS other\nFROM alpine:3.20\nARG FROM_STAGE\nCOPY --from=${FROM_STAGE} /out /app\nCOPY --from=${UNSET} /x /x\n';

  it('go to the stage their default names', async () => {
    const { findDefinition } = await import('../../../server/src/features/definition');
    assert.deepEqual(findDefinition(buildModel(text), { line: 5, character: 13 }), { start: { line: 1, character: 20 }, end: { line: 1, character: 25 } });
    assert.equal(findDefinition(buildModel(text), { line: 6, character: 13 }), null);
    // Without `ARG FROM_STAGE` in the stage, the global ARG is not visible there.
    assert.equal(findDefinition(buildModel(text.replace('ARG FROM_STAGE\n', '')), { line: 4, character: 13 }), null);
  });

  it('say on hover which stage the defaults give', () => {
    const result = hover(buildModel(text), { line: 5, character: 12 });
    const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    assert.match(value, /^`\$\{FROM_STAGE\}` is resolved from build arguments at build time; with their defaults it is this stage:\n\n\*\*Stage `build`\*\*/);
  });
});
