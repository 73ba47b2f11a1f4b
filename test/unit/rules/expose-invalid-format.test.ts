import { describe, it } from 'node:test';
import { dockerfile } from '../../support/fixtures';
import { expectRule } from '../../support/rule-harness';

describe('expose-invalid-format', () => {
  it('fires on an IP address or a host:container mapping', () => {
    expectRule('expose-invalid-format', dockerfile`
      FROM alpine:3.20
      EXPOSE 8080:80
      #      ^^^^^^^ expose-invalid-format EXPOSE '8080:80' maps or binds a port, which belongs to 'docker run -p'; expose the container port only.
    `);
  });

  it('does not fire on container ports and ranges', () => {
    expectRule('expose-invalid-format', dockerfile`
      FROM alpine:3.20
      EXPOSE 80 8000-8010/tcp
    `);
  });
});
