// The workspace target index: a walk of a generated workspace of 10,000 files (build files among
// them) and of the real-world corpus, timed as the CLI and the server do it (read + parse + index).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../server/src/node/workspace-scan';

export interface IndexFigures {
  readonly workspace: string;
  readonly files: number;
  readonly buildFiles: number;
  readonly references: number;
  /** The first walk of the process: every build file parsed. */
  readonly firstMs: number;
  /** Walks again: build files whose text did not change keep their parse (as after a change in the editor). */
  readonly medianMs: number;
}

/** Writes `count` files in nested folders: sources, Dockerfiles, compose, workflows, Makefiles, scripts. */
function generateWorkspace(count: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dfs-bench-ws-'));
  mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const service = `services/svc-${Math.floor(i / 50)}`;
    const folder = path.join(root, service, `pkg-${Math.floor(i / 10) % 5}`);
    mkdirSync(folder, { recursive: true });
    if (i % 50 === 0) {
      writeFileSync(path.join(root, service, 'Dockerfile'), 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20 AS release\nCOPY --from=build /app /app\nCMD ["/app"]\nFROM build AS test\nRUN go test ./...\n');
      writeFileSync(path.join(root, service, 'compose.yaml'), `services:\n  app:\n    build:\n      context: .\n      target: release\n  test:\n    profiles: [test]\n    build:\n      context: .\n      target: test\n`);
      writeFileSync(path.join(root, service, 'Makefile'), 'image:\n\tdocker build --target release -t app .\n');
      writeFileSync(path.join(root, '.github', 'workflows', `svc-${i / 50}.yml`), `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: ${service}\n          target: release\n          push: true\n`);
      i += 3;
    } else {
      writeFileSync(path.join(folder, `file-${i}.go`), `package pkg\n\nconst N${i} = ${i}\n`);
    }
  }
  return root;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(workspace: string, root: string, runs: number): IndexFigures {
  const times: number[] = [];
  const first = performance.now();
  let last = scanWorkspace(root);
  const firstMs = performance.now() - first;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    last = scanWorkspace(root);
    times.push(performance.now() - started);
  }
  return { workspace, files: last.files, buildFiles: last.index.files.length, references: last.index.references.length, firstMs, medianMs: median(times) };
}

export function measureWorkspaceIndex(corpus: string, runs = 5): IndexFigures[] {
  const generated = generateWorkspace(10_000);
  try {
    return [measure('generated, 10,000 files', generated, runs), measure('real-world corpus', corpus, runs)];
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}
