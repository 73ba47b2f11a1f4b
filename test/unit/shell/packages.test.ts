import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { buildModel } from '../../../server/src/model/model-builder';
import { packageActions, removedPaths } from '../../../server/src/shell/packages';
import { runScript } from '../../../server/src/shell/run-script';

/** The package facts of one RUN line, as compact strings. */
function facts(run: string): string[] {
  const model = buildModel(`FROM debian:12\nRUN ${run}\n`);
  const stage = model.stages[0];
  const instruction = stage?.instructions.find((i) => i.keyword === 'RUN');
  if (!stage || !instruction) return [];
  return packageActions(runScript(model, instruction, stage)).map((a) => {
    if (a.kind === 'install') {
      const extra = [a.group ? `group ${a.group}` : '', a.global ? 'global' : '', a.withDevDependencies ? 'dev' : '', a.fromManifest ? 'manifest' : ''].filter(Boolean).join(' ');
      return `${a.manager} install ${a.packages.map((p) => p.value).join(' ')}${extra ? ` [${extra}]` : ''}`.replace(/ +/g, ' ').trim();
    }
    if (a.kind === 'remove' || a.kind === 'mark-auto') return `${a.manager} ${a.kind} ${a.packages.map((p) => p.value).join(' ')}${a.kind === 'remove' && a.autoRemove ? ' [auto]' : ''}`.replace(/ +/g, ' ').trim();
    return `${a.manager} ${a.kind}`;
  });
}

describe('package facts of a RUN', () => {
  it('sees installs behind env assignments and sudo, with their options', () => {
    assert.deepEqual(facts('DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev'), ['apt install gcc libc6-dev [global]']);
    assert.deepEqual(facts('apt-get -o Dpkg::Options::=--force-confold -y install curl && apt-get update'), ['apt install curl [global]', 'apt update-lists']);
    assert.deepEqual(facts('sudo apt install -y make'), ['apt install make [global]']);
  });

  it("reads Yarn's and pnpm's prunes as removing the dev dependencies", () => {
    assert.deepEqual(facts('yarn install --immutable && yarn build && yarn workspaces focus --all --production'), ['yarn install [dev manifest]', 'yarn remove [auto]']);
    assert.deepEqual(facts('pnpm prune --prod'), ['pnpm remove [auto]']);
  });

  it('sees apk --virtual groups and their removal, and apt-mark auto with purge --auto-remove', () => {
    assert.deepEqual(facts('apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps'), [
      'apk install gcc musl-dev [group .build-deps global]',
      'pip install x',
      'apk remove .build-deps [auto]',
    ]);
    assert.deepEqual(facts('apt-mark auto gcc make > /dev/null; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false'), ['apt mark-auto gcc make', 'apt remove [auto]']);
  });

  it('does not read version queries or tools as project installs', () => {
    assert.deepEqual(facts('yarn --version && npm --version'), []);
    assert.deepEqual(facts('npm install -g pnpm@9 && npm ci --omit=dev'), ['npm install pnpm@9 [global]', 'npm install [manifest]']);
    assert.deepEqual(facts('npm ci'), ['npm install [dev manifest]']);
    assert.deepEqual(facts('NODE_ENV=production npm install'), ['npm install [manifest]']);
    assert.deepEqual(facts('pip install --no-cache-dir -r requirements.txt'), ['pip install requirements.txt [manifest]']);
    assert.deepEqual(facts('python3 -m pip install uv && uv sync --frozen --no-dev'), ['pip install uv', 'uv install [manifest]']);
  });

  it('sees deletions however rm is written, and find … -delete', () => {
    const model = buildModel('FROM debian:12\nRUN rm -Rf /var/lib/apt/lists/* && rm --recursive --force /tmp/a && rm -rf a.deb /var/lib/apt/lists/* && find /var/cache/apt/archives /var/lib/apt/lists -not -name lock -type f -delete && find /x -name y\n');
    const stage = model.stages[0];
    const run = stage?.instructions.find((i) => i.keyword === 'RUN');
    assert.ok(stage && run);
    assert.deepEqual(runScript(model, run, stage).commands.map(removedPaths), [['/var/lib/apt/lists/*'], ['/tmp/a'], ['a.deb', '/var/lib/apt/lists/*'], ['/var/cache/apt/archives', '/var/lib/apt/lists'], []]);
  });
});
