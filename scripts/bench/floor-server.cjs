// The floor of the real-file benchmark: a language server on the same library as ours and the
// reference's (vscode-languageserver over stdio) that publishes no diagnostics and does nothing
// else. What it costs is what any Node.js server pays before doing any work.
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
const publish = (event) => setImmediate(() => connection.sendDiagnostics({ uri: event.document.uri, version: event.document.version, diagnostics: [] }));
documents.onDidOpen(publish);
documents.onDidChangeContent(publish);
documents.onDidClose((event) => connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
