import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('consistent-instruction-casing', () => {
  it('fires on keywords not in the majority case', () => {
    expectRule('consistent-instruction-casing', dockerfile`
      FROM alpine:3.20
      run echo lower
      #^^ consistent-instruction-casing 'run' should match the case of the other instructions (uppercase): 'RUN'.
      COPY . /app
    `);
    expectRule('consistent-instruction-casing', dockerfile`
      from alpine:3.20
      Run echo mixed
      #^^ consistent-instruction-casing 'Run' should match the case of the other instructions (lowercase): 'run'.
      copy . /app
      cmd ["sh"]
    `);
  });

  it('does not fire when every keyword has the same case', () => {
    expectRule('consistent-instruction-casing', dockerfile`
      from alpine:3.20 as base
      run echo lower
      FROM base
    `.replace('FROM base', 'from base'));
  });
});
