import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { buildModel } from '../../../server/src/model/model-builder';
import { expandIfKnown, expandWithDefaults, globalScope, variablesInScope } from '../../../server/src/model/variable-scope';
import { parseNameValues, parseWords } from '../../../server/src/words/name-values';
import { parsePlatform } from '../../../server/src/words/platform';
import { parseProjectConfig } from '../../../common/settings';

const arm = parsePlatform('linux/arm64') ?? undefined;

describe('variable scopes as BuildKit builds them', () => {
  it('evaluates global ARGs in order, with the automatic platform arguments of the chosen platform', () => {
    const model = buildModel('ARG GO=1.23\nARG IMAGE="golang:${GO}-bookworm"\nARG ARCH=${TARGETARCH}\nARG EMPTY\nFROM ${IMAGE}\n');
    const values = (platform?: typeof arm) => Object.fromEntries([...globalScope(model, platform)].filter(([, d]) => d.kind === 'global ARG').map(([n, d]) => [n, d.value]));
    assert.deepEqual(values(), { GO: '1.23', IMAGE: 'golang:1.23-bookworm', ARCH: 'amd64', EMPTY: null });
    assert.deepEqual(values(arm), { GO: '1.23', IMAGE: 'golang:1.23-bookworm', ARCH: 'arm64', EMPTY: null });
  });

  it("keeps a stage's ARGs in it, takes global defaults and automatic values for a bare ARG, and carries ENVs through FROM <stage>", () => {
    const text = 'ARG VERSION=2\nFROM alpine:3.20 AS base\nARG VERSION\nARG TARGETARCH\nARG ONLY_HERE=x\nENV HOME_DIR=/srv/${VERSION}\nRUN true\nFROM base\nRUN true\n';
    const base = variablesInScope(buildModel(text), 6, arm);
    assert.deepEqual([...base.values()].map((d) => [d.name, d.value]), [['VERSION', '2'], ['TARGETARCH', 'arm64'], ['ONLY_HERE', 'x'], ['HOME_DIR', '/srv/2']]);
    const child = variablesInScope(buildModel(text), 8);
    assert.deepEqual([...child.values()].map((d) => [d.name, d.value, d.kind]), [['HOME_DIR', '/srv/2', 'ENV']]);
  });

  it('expands with the defaults as BuildKit would, and says unknown where a value cannot be known', () => {
    const model = buildModel('FROM alpine:3.20\nARG RUNTIME_USER=0\nARG FROM_CI\nUSER ${RUNTIME_USER}\nUSER "$FROM_CI"\nWORKDIR "/app"\n');
    assert.equal(expandIfKnown(model, 3, '${RUNTIME_USER}'), '0');
    assert.equal(expandIfKnown(model, 4, '"$FROM_CI"'), null);
    assert.equal(expandWithDefaults(model, 4, '"$FROM_CI"'), '');
    assert.equal(expandWithDefaults(model, 5, '"/app"'), '/app');
    assert.equal(expandWithDefaults(model, 5, '"/app'), null);
  });

  it("splits ENV, LABEL and ARG as BuildKit's parser does", () => {
    assert.deepEqual(parseWords('A="a b" B=c\\ d  C=\'e f\''), [{ text: 'A="a b"', start: 0 }, { text: 'B=c\\ d', start: 8 }, { text: "C='e f'", start: 16 }]);
    assert.deepEqual(parseNameValues('NAME some value here').pairs.map((p) => [p.name, p.value]), [['NAME', 'some value here']]);
    assert.equal(parseNameValues('NAME some value').legacy, true);
  });

  it('reads the platform of the project file, and refuses a malformed one', () => {
    assert.deepEqual(parseProjectConfig('{"platform": "linux/arm/v7"}'), { config: { rules: {}, platform: 'linux/arm/v7' }, errors: [] });
    assert.deepEqual(parseProjectConfig('{"platform": "arm64"}').errors, ["'platform' must be os/arch[/variant], like linux/arm64"]);
  });
});
