import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { describeError } from './lsp/run-safe';

declare const PACKAGE_VERSION: string;

// `createConnection` picks the transport from the command line: --stdio, --node-ipc, --socket or
// --pipe. Run as `dockerfile-stages-language-server` with none, it speaks over stdio.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(arg))) process.argv.push('--stdio');
const connection = createConnection(ProposedFeatures.all);

// Anything printed to stdout would corrupt the stdio transport: route the console to the client.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${describeError(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`Unhandled rejection: ${describeError(error)}`));

// The rule pages ship beside dist/ in the package and in a clone.
const docsBaseUri = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules')).href;

startServer(connection, { docsBaseUri, version: PACKAGE_VERSION });
