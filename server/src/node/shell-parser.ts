import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as TreeSitter from 'web-tree-sitter';
import { registerShellParser } from '../shell/run-script';
import type { ShellParser, SyntaxNode } from '../shell/types';

const RUNTIME_WASM = 'tree-sitter.wasm';
const BASH_WASM = 'tree-sitter-bash.wasm';

/** The two WebAssembly files: tree-sitter's runtime and its bash grammar. */
export interface ShellWasmFiles {
  readonly runtime: string;
  readonly bash: string;
}

/** Beside the bundle (`dist/`), where the build copies them. */
function besideBundle(): ShellWasmFiles {
  return { runtime: path.join(__dirname, RUNTIME_WASM), bash: path.join(__dirname, BASH_WASM) };
}

let loading: Promise<ShellParser> | null = null;

/**
 * Loads tree-sitter's bash grammar (once) and registers it as the shell parser of the command
 * model. tree-sitter because it is error-tolerant (half-typed RUN lines still give the commands
 * before the error), synchronous after loading, and fast (~0.1 ms per RUN).
 */
export function loadShellParser(files: ShellWasmFiles = besideBundle()): Promise<ShellParser> {
  loading ??= (async () => {
    if (!existsSync(files.runtime) || !existsSync(files.bash)) throw new Error(`missing ${files.runtime} or ${files.bash}`);
    // V8's optimizing tier recompiles the 1.3 MB grammar in the background for ~0.4 s of CPU, and a
    // short CLI run waits for it at exit; the baseline compiler parses RUNs as fast (~80 µs each).
    setFlagsFromString('--liftoff-only');
    // Required here, not imported at the top: its runtime is set up only when the grammar loads,
    // after the server has answered `initialize`.
    const { Language, Parser } = require('web-tree-sitter') as typeof TreeSitter;
    await Parser.init({ locateFile: () => files.runtime });
    const bash = await Language.load(files.bash);
    const parser = new Parser();
    parser.setLanguage(bash);
    const shellParser: ShellParser = {
      parse<T>(text: string, read: (root: SyntaxNode) => T): T {
        const tree = parser.parse(text);
        if (!tree) throw new Error('the shell parser returned no tree');
        try {
          return read(tree.rootNode);
        } finally {
          // Trees live in WebAssembly memory: free them as soon as they are read.
          tree.delete();
        }
      },
    };
    registerShellParser(shellParser);
    return shellParser;
  })();
  return loading;
}
