// Tests that read files from other projects where they lie (scripts/shared-data.ts): they run when
// the files are there, skip with a message when not, and fail with that message in CI.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataRequired, missingMessage, type ThirdPartyData } from '../../scripts/shared-data';

export * from '../../scripts/shared-data';

export function describeWithData(data: ThirdPartyData, name: string, body: () => void): void {
  if (data.available) {
    describe(name, body);
  } else if (dataRequired()) {
    describe(name, () => {
      it(`finds ${data.what}`, () => assert.fail(`${missingMessage(data)} (required in CI)`));
    });
  } else {
    describe(name, { skip: missingMessage(data) }, () => {});
  }
}
