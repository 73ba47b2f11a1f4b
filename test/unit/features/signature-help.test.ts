import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { signatureHelp } from '../../../server/src/features/signature-help';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';

function help(source: string) {
  const { text, position } = withCursor(source);
  const result = signatureHelp(buildModel(text), position);
  if (!result) return null;
  const signature = result.signatures[0];
  const span = signature?.parameters?.[result.activeParameter ?? 0]?.label as [number, number] | undefined;
  return { label: signature?.label, active: span ? signature?.label.slice(span[0], span[1]) : null };
}

describe('signature help', () => {
  it('shows the form of COPY and follows the cursor from flags to sources to the destination', () => {
    const stage = 'FROM alpine:3.20 AS build\n';
    assert.deepEqual(help(`${stage}COPY $0`), {
      label: 'COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>',
      active: '<src>...',
    });
    assert.equal(help(`${stage}COPY --from=build $0`)?.active, '<src>...');
    assert.equal(help(`${stage}COPY --chown=app src/ $0`)?.active, '<dest>');
    assert.equal(help(`${stage}COPY --li$0`)?.active, '[--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link]');
  });

  it('walks FROM and its AS name, and says nothing for instructions without positional arguments', () => {
    assert.equal(help('FROM $0')?.active, '<image>[:<tag>|@<digest>]');
    assert.equal(help('FROM alpine:3.20 $0')?.active, '[AS');
    assert.equal(help('FROM alpine:3.20 AS $0')?.active, '<name>]');
    assert.equal(help('FROM alpine:3.20\nRUN $0'), null);
    assert.equal(help('FROM alpine:3.20\n$0'), null);
  });
});
