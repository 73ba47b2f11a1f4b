import { pathToFileURL } from 'node:url';
import {
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Location,
  ResponseError,
  ErrorCodes,
  CompletionTriggerKind,
  type CompletionParams,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILD_FILE_PATTERNS, LOOK_UP_IMAGES_COMMAND, OTHER_TOOL_EXTENSIONS } from '../../common/ids';
import { DEFAULT_IMAGE_SETTINGS, type OtherTool } from '../../common/settings';
import {
  BUILD_SITES_REQUEST,
  CHECK_PROJECT_CONFIG_REQUEST,
  LOOK_UP_IMAGES_REQUEST,
  MEMORY_REQUEST,
  OTHER_TOOLS_NOTIFICATION,
  SET_TARGET_NOTIFICATION,
  STAGES_REQUEST,
  type BuildSitesParams,
  type BuildSitesResult,
  type CheckProjectConfigParams,
  type LookUpImagesParams,
  type LookUpImagesResult,
  type OtherToolsParams,
  type SetTargetParams,
  type StagesParams,
} from '../../common/protocol';
import { codeActions, FIX_ALL_KIND, REWRITE_KIND } from './features/code-actions';
import { completeStages, resolveStageItem } from './features/completion';
import { completeDirectives } from './features/directive-completion';
import { completeFlags } from './features/flag-completion';
import { completeInstructions } from './features/instruction-completion';
import { completeVariables } from './features/variable-completion';
import { findDefinition } from './features/definition';
import { findHighlights } from './features/document-highlight';
import { documentSymbols } from './features/document-symbols';
import { foldingRanges } from './features/folding-ranges';
import { hover } from './features/hover';
import { findReferences } from './features/references';
import { prepareRename, renameStage } from './features/rename';
import { documentLinks } from './features/document-links';
import { formatEdits } from './features/formatting';
import { semanticTokens } from './features/semantic-tokens';
import { signatureHelp } from './features/signature-help';
import { stagesOf } from './features/stages';
import { toCompletionList } from './lsp/completion-list';
import { toCodeAction } from './lsp/conversions';
import { encodeTokens, SEMANTIC_LEGEND } from './lsp/semantic-tokens';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { ImageFactsService } from './lsp/image-facts';
import { DocumentModels } from './lsp/document-models';
import { ProjectConfigStore } from './lsp/project-config';
import { memoryAfterCollection } from './lsp/memory';
import { PinActions } from './lsp/pin-actions';
import { checkProjectConfig } from './lsp/project-config-check';
import { describeError, runSafe } from './lsp/run-safe';
import { SettingsStore } from './lsp/settings';
import { warmUp } from './lsp/warm-up';
import { WorkspaceTargets } from './lsp/workspace-targets';
import { BuildFiles } from './lsp/build-files';
import { buildFileActions, buildFileCompletion, buildFileDefinition, buildFileHover, buildFileSites, stageTargetLocations, stageTargetRename } from './lsp/build-file-features';
import { stageUnderCursor } from './features/references';
import { loadShellParser } from './node/shell-parser';
import { shippingFor } from './engine/lint';
import type { DockerfileModel } from './model/types';

export interface ServerOptions {
  /** Base URI of the rule pages that diagnostics link to. */
  readonly docsBaseUri: string;
  readonly version: string;
}

/** The other Dockerfile tools the client reports installed, of those we know. */
function otherToolsOf(tools: unknown): OtherTool[] {
  return Array.isArray(tools) ? tools.filter((tool): tool is OtherTool => typeof tool === 'string' && Object.hasOwn(OTHER_TOOL_EXTENSIONS, tool)) : [];
}

/** Wires the features to the connection; all the work happens in the features. */
export function startServer(connection: Connection, options: ServerOptions): void {
  // RUN is read as shell with a WebAssembly grammar: it compiles (on V8's threads) from the start,
  // while the client starts and the workspace is read, and the first lint waits for it.
  const parserReady = loadShellParser().then(
    () => undefined,
    (error: unknown) => connection.console.error(`The shell parser did not load; rules that read RUN are silent. ${describeError(error)}`),
  );
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentModels();
  const settings = new SettingsStore(connection);
  const projectConfigs = new ProjectConfigStore(connection);
  const pins = new PinActions(connection);
  /** Whether the client applies snippet edits (LSP 3.18), for fixes with a placeholder to fill. */
  let snippetEdits = false;
  /** Whether the client asks for a code action's edit when the user picks it (codeAction/resolve). */
  let resolveEdits = false;
  /** Whether the client is the extension, whose own commands code actions may carry. */
  let clientCommands = false;
  /** Whether the client takes one edit range for a whole completion list (LSP 3.17). */
  let editRangeDefault = false;
  /** The document of the last completion list, whose items a resolve request describes. */
  let lastCompletionUri = '';
  const workspaceTargets = new WorkspaceTargets(connection);
  const images = new ImageFactsService(connection, () => diagnostics.scheduleAll());
  const diagnostics = new DiagnosticsScheduler(connection, documents, models, settings, projectConfigs, workspaceTargets, options.docsBaseUri, images);
  const buildFiles = new BuildFiles(connection, documents, models, workspaceTargets, diagnostics);
  // Compose, Bake, workflow and dev container files are served by their own features, never linted as Dockerfiles.
  diagnostics.exclude((uri) => buildFiles.handles(uri));
  projectConfigs.onContextChange((uri) => diagnostics.schedule(uri));
  /** Whether the client registers features for more documents when asked (VS Code does). */
  let dynamicBuildFiles = false;

  /** Answers `fallback` for documents the server does not have open. */
  function withModel<T>(uri: string, name: string, token: CancellationToken | undefined, fallback: T, handler: (model: DockerfileModel) => T) {
    return runSafe(connection, name, token, fallback, () => {
      const document = documents.get(uri);
      return document && !buildFiles.handles(uri) ? handler(models.get(document)) : fallback;
    });
  }
  const atPosition = <T>(name: string, fallback: T, handler: (model: DockerfileModel, params: TextDocumentPositionParams) => T) =>
    (params: TextDocumentPositionParams, token?: CancellationToken) =>
      withModel(params.textDocument.uri, name, token, fallback, (model) => handler(model, params));

  connection.onInitialize((params): InitializeResult => {
    if (params.capabilities.workspace?.configuration) settings.enablePull();
    snippetEdits = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    resolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    editRangeDefault = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
    const initialization = params.initializationOptions as { otherTools?: unknown; storageFolder?: unknown; clientCommands?: unknown } | null | undefined;
    clientCommands = initialization?.clientCommands === true;
    const text = params.capabilities.textDocument;
    dynamicBuildFiles = text?.synchronization?.dynamicRegistration === true && text.completion?.dynamicRegistration === true;
    diagnostics.setOtherTools(otherToolsOf(initialization?.otherTools));
    images.setStorageFolder(typeof initialization?.storageFolder === 'string' && initialization.storageFolder !== '' ? initialization.storageFolder : null);
    workspaceTargets.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    // The workspace folders are walked while the grammar compiles; the first lint waits for both.
    diagnostics.waitFor(Promise.all([parserReady, workspaceTargets.prepare()]).then(() => undefined));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // Not '-': it would end VS Code's suggestions (snippets included) inside words like `ms-go`;
        // flags still complete as their name is typed (`--c`).
        completionProvider: { triggerCharacters: ['=', ',', ' ', '$', '{'], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Dockerfile stages' },
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, REWRITE_KIND], resolveProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: true },
        documentLinkProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [' '] },
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: 'dockerfile-stages', version: options.version },
    };
  });
  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.scheduleAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    // A compose, Bake, CI or script file may change what ships; the next lint reads them again.
    const uris = params.changes.map((change) => change.uri);
    workspaceTargets.changed(uris);
    projectConfigs.changed(uris);
    diagnostics.scheduleAll();
    buildFiles.scheduleAll();
  });

  // A Dockerfile's edit may make a build file's target right or wrong: those open are checked again.
  const changed = (uri: string): void => {
    if (buildFiles.handles(uri)) buildFiles.schedule(uri);
    else {
      diagnostics.schedule(uri);
      buildFiles.scheduleAll();
    }
  };
  documents.onDidOpen((event) => changed(event.document.uri));
  documents.onDidChangeContent((event) => changed(event.document.uri));
  documents.onDidClose((event) => {
    if (buildFiles.handles(event.document.uri)) {
      buildFiles.close(event.document.uri);
      return;
    }
    models.delete(event.document.uri);
    diagnostics.close(event.document.uri);
  });

  const dockerfileCompletion = atPosition('completion', toCompletionList(null, false), (model, params) => {
    lastCompletionUri = params.textDocument.uri;
    // A typed blank or '=' asks for stage names, never for the list of instructions.
    const typedTrigger = (params as CompletionParams).context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
    const position = params.position;
    const result =
      completeVariables(model, position) ??
      completeStages(model, position) ??
      completeFlags(model, position) ??
      completeDirectives(model, position) ??
      (typedTrigger ? null : completeInstructions(model, position));
    return toCompletionList(result, editRangeDefault);
  });
  connection.onCompletion((params, token) => {
    if (buildFiles.handles(params.textDocument.uri)) {
      // Its items are complete: a resolve request for them changes nothing.
      lastCompletionUri = params.textDocument.uri;
      return runSafe(connection, 'completion', token, toCompletionList(null, false), () => toCompletionList(buildFileCompletion(buildFiles, params), editRangeDefault));
    }
    return dockerfileCompletion(params, token);
  });
  connection.onCompletionResolve((item, token) =>
    withModel(lastCompletionUri, 'completionItem/resolve', token, item, (model) => resolveStageItem(model, item)),
  );
  connection.onDefinition((params, token) => {
    if (buildFiles.handles(params.textDocument.uri)) return runSafe(connection, 'definition', token, null, () => buildFileDefinition(buildFiles, params));
    return withModel(params.textDocument.uri, 'definition', token, null, (model) => {
      const target = findDefinition(model, params.position);
      return target ? { uri: params.textDocument.uri, range: target } : null;
    });
  });
  connection.onReferences((params, token) =>
    withModel(params.textDocument.uri, 'references', token, [] as Location[], (model) => {
      const inFile: Location[] = findReferences(model, params.position, params.context.includeDeclaration).map((range) => ({ uri: params.textDocument.uri, range }));
      // The build files that build this stage by name (compose, Bake, workflows, scripts) name it too.
      const stage = stageUnderCursor(model, params.position);
      return stage?.name ? [...inFile, ...stageTargetLocations(buildFiles, params.textDocument.uri, stage.name)] : inFile;
    }),
  );
  connection.onDocumentHighlight(atPosition('documentHighlight', [], (model, params) => findHighlights(model, params.position)));
  connection.onPrepareRename((params, token) => {
    const result = withModel(params.textDocument.uri, 'prepareRename', token, null, (model) => {
      const prepared = prepareRename(model, params.position);
      if (!prepared || 'error' in prepared) return prepared;
      const name = stageUnderCursor(model, params.position)?.name;
      const blocked = name ? stageTargetRename(buildFiles, params.textDocument.uri, name, '') : null;
      return blocked && 'error' in blocked ? blocked : prepared;
    });
    if (result && 'error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result;
  });
  connection.onRenameRequest((params, token) => {
    const result = withModel(params.textDocument.uri, 'rename', token, null, (model) => {
      const renamed = renameStage(model, params.position, params.newName);
      if ('error' in renamed) return renamed;
      const name = stageUnderCursor(model, params.position)?.name;
      // Compose, Bake, workflow and script targets that name the stage change in the same edit.
      const elsewhere = name ? stageTargetRename(buildFiles, params.textDocument.uri, name, params.newName) : null;
      if (elsewhere && 'error' in elsewhere) return elsewhere;
      return { changes: { ...(elsewhere?.changes ?? {}), [params.textDocument.uri]: renamed.edits } };
    });
    if (result === null || result instanceof ResponseError) return result;
    if ('error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
    return result;
  });
  connection.onDocumentSymbol((params, token) => withModel(params.textDocument.uri, 'documentSymbol', token, [], documentSymbols));
  connection.languages.semanticTokens.on((params, token) =>
    withModel(params.textDocument.uri, 'semanticTokens', token, { data: [] }, (model) => encodeTokens(semanticTokens(model))),
  );
  connection.languages.semanticTokens.onRange((params, token) =>
    withModel(params.textDocument.uri, 'semanticTokens/range', token, { data: [] }, (model) =>
      encodeTokens(semanticTokens(model, params.range.start.line, params.range.end.line)),
    ),
  );
  connection.onSignatureHelp(atPosition('signatureHelp', null, (model, params) => signatureHelp(model, params.position)));
  connection.onDocumentFormatting((params, token) => withModel(params.textDocument.uri, 'formatting', token, [], (model) => formatEdits(model, params.options)));
  connection.onDocumentRangeFormatting((params, token) =>
    withModel(params.textDocument.uri, 'rangeFormatting', token, [], (model) =>
      formatEdits(model, params.options, { first: params.range.start.line, last: params.range.end.line }),
    ),
  );
  connection.onDocumentLinks((params, token) => withModel(params.textDocument.uri, 'documentLink', token, [], documentLinks));
  connection.onFoldingRanges((params, token) => withModel(params.textDocument.uri, 'foldingRange', token, [], foldingRanges));
  connection.onHover((params, token) => {
    if (buildFiles.handles(params.textDocument.uri)) return runSafe(connection, 'hover', token, null, () => buildFileHover(buildFiles, params));
    return withModel(params.textDocument.uri, 'hover', token, null, (model) => {
      const version = documents.get(params.textDocument.uri)?.version ?? -1;
      const { problems, suppressed } = diagnostics.problemsOf(params.textDocument.uri, version);
      const facts = diagnostics.buildFacts(params.textDocument.uri);
      const shipping = shippingFor(model, facts);
      const lookUp = settings.peek(params.textDocument.uri)?.images.lookUp ?? DEFAULT_IMAGE_SETTINGS.lookUp;
      const lookUpLink = lookUp === 'never' ? null : `command:${LOOK_UP_IMAGES_COMMAND}?${encodeURIComponent(JSON.stringify([params.textDocument.uri]))}`;
      return hover(model, params.position, { problems, suppressed, docsBaseUri: options.docsBaseUri, shipping, images: { facts: images.store.factsOf, lookUpLink } });
    });
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const uri = params.textDocument.uri;
    if (buildFiles.handles(uri)) return runSafe(connection, 'codeAction', token, [], () => buildFileActions(params));
    const plans = withModel(uri, 'codeAction', token, [], (model) => {
      const { problems } = diagnostics.problemsOf(uri, document?.version ?? -1);
      const documentSettings = settings.peek(uri);
      return codeActions(model, problems, params.range, params.context.only, documentSettings ? diagnostics.problemsOfTexts(uri, documentSettings) : undefined);
    });
    if (plans instanceof ResponseError || !document) return plans;
    const actions = plans.map((plan) => toCodeAction(plan, uri, options.docsBaseUri, { supported: snippetEdits, version: document.version }, clientCommands));
    // Pin actions cost nothing to list: their registry look-up waits until the user picks one.
    const current = settings.peek(uri) ?? (await settings.get(uri));
    if (resolveEdits && current.images.lookUp !== 'never' && (!params.context.only || params.context.only.includes('quickfix'))) {
      const { problems } = diagnostics.problemsOf(uri, document.version);
      actions.unshift(...pins.offers(models.get(document), problems, params.range, uri, document.version));
    }
    return actions;
  });
  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { pin?: { uri?: unknown } } | undefined)?.pin?.uri;
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document || typeof uri !== 'string') return action;
    const registry = (settings.peek(uri) ?? (await settings.get(uri))).registry;
    const { problems } = diagnostics.problemsOf(uri, document.version);
    return pins.resolve(action, { model: models.get(document), version: document.version, problems }, registry);
  });

  connection.onRequest(MEMORY_REQUEST, () => memoryAfterCollection());
  connection.onRequest(BUILD_SITES_REQUEST, (params: BuildSitesParams, token) =>
    runSafe(connection, 'buildSites', token, { sites: [], defaultFile: false, baseFile: null } as BuildSitesResult, () => buildFileSites(buildFiles, params.uri)),
  );
  connection.onRequest(CHECK_PROJECT_CONFIG_REQUEST, (params: CheckProjectConfigParams) =>
    runSafe(connection, 'checkProjectConfig', undefined, { problems: [] }, () => checkProjectConfig(params, (file) => documents.get(pathToFileURL(file).href)?.getText() ?? null)),
  );
  connection.onRequest(STAGES_REQUEST, (params: StagesParams, token) =>
    withModel(params.uri, 'stages', token, { stages: [], defaultTarget: -1, workspaceTargets: [] }, (model) => {
      const facts = diagnostics.buildFacts(params.uri);
      // The picker's choice wins over the file (and travels as facts.target); the file's shows otherwise.
      return stagesOf(model, shippingFor(model, facts), facts.uses ?? [], projectConfigs.configuredTarget(params.uri));
    }),
  );
  connection.onRequest(LOOK_UP_IMAGES_REQUEST, async (params: LookUpImagesParams): Promise<LookUpImagesResult> => {
    const document = documents.get(params.uri);
    if (!document) return { images: [], refused: 'The document is not open.' };
    const current = settings.peek(params.uri) ?? (await settings.get(params.uri));
    return images.lookUp(models.get(document), current, diagnostics.buildFacts(params.uri).platform ?? '');
  });
  connection.onNotification(OTHER_TOOLS_NOTIFICATION, (params: OtherToolsParams) => {
    diagnostics.setOtherTools(otherToolsOf(params.tools));
    diagnostics.scheduleAll();
  });
  connection.onNotification(SET_TARGET_NOTIFICATION, (params: SetTargetParams) => {
    diagnostics.setTarget(params.uri, params.target);
  });

  connection.onInitialized(() => {
    warmUp();
    if (dynamicBuildFiles) {
      // The client syncs Dockerfiles only; build files are added here, for these few features, so
      // that formatting, outline and tokens stay with the YAML, HCL and JSON extensions.
      const documentSelector = BUILD_FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }));
      const registrations = [
        connection.client.register(DidOpenTextDocumentNotification.type, { documentSelector }),
        connection.client.register(DidChangeTextDocumentNotification.type, { documentSelector, syncKind: TextDocumentSyncKind.Incremental }),
        connection.client.register(DidCloseTextDocumentNotification.type, { documentSelector }),
        connection.client.register(CompletionRequest.type, { documentSelector, triggerCharacters: [' ', '"', ':'] }),
        connection.client.register(HoverRequest.type, { documentSelector }),
        connection.client.register(DefinitionRequest.type, { documentSelector }),
        connection.client.register(CodeActionRequest.type, { documentSelector, codeActionKinds: [CodeActionKind.QuickFix] }),
      ];
      Promise.all(registrations).catch((error: unknown) => connection.console.error(`Build files are not served: ${describeError(error)}`));
    }
  });
  connection.onShutdown(() => {
    diagnostics.dispose();
    buildFiles.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
