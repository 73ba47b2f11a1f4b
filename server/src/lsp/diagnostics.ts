import type { Connection, Diagnostic } from 'vscode-languageserver';
import { ShellCheckStore } from './shellcheck';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import * as path from 'node:path';
import { lint, type LintOptions, type LintResult, type Problem } from '../engine/lint';
import { toDiagnostic } from './conversions';

const SEVERITIES = { hint: true, info: true, warning: true, error: true };
import { formatPlatform, platformOf } from '../words/platform';
import type { DocumentModels } from './document-models';
import { toolsToDeferTo, type DockerfileStagesSettings, type OtherTool } from '../../../common/settings';
import { buildModel } from '../model/model-builder';
import { rulesReportedBy } from '../rules/coexistence';
import { collectSoon } from './memory';
import { describeError } from './run-safe';
import { filePathOf } from './uri-paths';
import { LintMemo, lintKey } from './lint-memo';
import type { ProjectConfigStore } from './project-config';
import type { SettingsStore } from './settings';
import type { WorkspaceTargets } from './workspace-targets';
import type { ImageFactsService } from './image-facts';

/** The automatic build arguments take this machine's platform unless a setting says otherwise. */
const HOST_PLATFORM = formatPlatform(platformOf(process.platform, process.arch));

/** ShellCheck waits for this pause in typing. */
const SHELLCHECK_PAUSE_MS = 400;

/** Below this cost a lint runs on the next turn of the event loop; above it, edits are batched. */
const IMMEDIATE_BELOW_MS = 50;
const MAX_DELAY_MS = 250;
/** Work this long leaves enough garbage to be worth a collection when typing pauses. */
const LARGE_WORK_MS = 100;

/**
 * Publishes diagnostics per document. The delay adapts to what linting that document cost last
 * time: small files are linted as soon as the queued edits are applied, large ones after a pause
 * in typing. A newer edit replaces the pending run, so stale results are never published.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, () => void>();
  private readonly lastCostMs = new Map<string, number>();
  /** Build targets chosen in the editor, per document; they win over the project file. */
  private readonly targets = new Map<string, string>();
  /** Other Dockerfile tools installed beside us, as the client reported them. */
  private otherTools: readonly OtherTool[] = [];
  private readonly lastProblems = new Map<string, { version: number; problems: Problem[]; suppressed: LintResult['suppressed'] }>();
  /** ShellCheck's diagnostics of the text they were found in, per document. */
  private readonly lastShellCheck = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  private readonly shellCheck: ShellCheckStore;
  private ready: Promise<void> | null = null;
  private readonly shellCheckTimers = new Map<string, NodeJS.Timeout>();
  private readonly memo = new LintMemo();
  private excluded: (uri: string) => boolean = () => false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: DocumentModels,
    private readonly settings: SettingsStore,
    private readonly projectConfigs: ProjectConfigStore,
    private readonly workspaceTargets: WorkspaceTargets,
    private readonly docsBaseUri: string,
    private readonly images: ImageFactsService,
  ) {
    this.shellCheck = new ShellCheckStore(connection);
  }

  /**
   * What the rules need to know beside the text: the chosen target, what the workspace's build
   * files say, the file name and the build context. Hover and the Stages view use it too, so they
   * tell the same story as the diagnostics.
   */
  buildFacts(uri: string): Pick<LintOptions, 'target' | 'uses' | 'fileName' | 'targetFiles' | 'localImages' | 'namedContexts' | 'buildContext' | 'platform' | 'imageFacts'> {
    const project = this.projectConfigs.get(uri);
    const target = this.targets.get(uri) ?? project.target;
    const workspace = this.workspaceTargets.forDocument(uri);
    const file = filePathOf(uri);
    const fileName = workspace.relativePath ?? (file !== null ? path.basename(file) : (uri.split('/').pop() ?? ''));
    const settings = this.settings.peek(uri);
    return {
      ...(target ? { target } : {}),
      platform: settings?.platform || project.platform || HOST_PLATFORM,
      uses: workspace.uses,
      fileName,
      targetFiles: workspace.targetFiles,
      localImages: workspace.localImages,
      namedContexts: workspace.namedContexts,
      buildContext: this.projectConfigs.buildContext(uri, workspace.contextFolder),
      imageFacts: this.images.store.factsOf,
    };
  }

  /** The chosen target of a document, if any (picker, then project file). */
  targetOf(uri: string): string | null {
    return this.targets.get(uri) ?? this.projectConfigs.get(uri).target ?? null;
  }

  /** Documents that are not Dockerfiles (build files another part serves) are never linted. */
  exclude(test: (uri: string) => boolean): void {
    this.excluded = test;
  }

  schedule(uri: string): void {
    if (this.excluded(uri)) return;
    this.cancel(uri);
    const cost = this.lastCostMs.get(uri) ?? 0;
    const run = (): void => {
      this.pending.delete(uri);
      void this.publish(uri);
    };
    if (cost < IMMEDIATE_BELOW_MS) {
      const handle = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(run, Math.min(MAX_DELAY_MS, cost));
      this.pending.set(uri, () => clearTimeout(handle));
    }
  }

  setOtherTools(tools: readonly OtherTool[]): void {
    this.otherTools = tools;
  }

  setTarget(uri: string, target: string | null): void {
    if (target === null) this.targets.delete(uri);
    else this.targets.set(uri, target);
    this.schedule(uri);
  }

  /** What a lint of the document is given: its severities and the facts of its workspace. */
  private lintOptions(uri: string, settings: DockerfileStagesSettings): LintOptions {
    const project = this.projectConfigs.get(uri);
    // Rules another installed tool reports are left to it; the project file, then the editor's
    // settings, win over that, rule by rule.
    const deferred = Object.fromEntries(rulesReportedBy(toolsToDeferTo(settings.coexistence, this.otherTools)).map((id) => [id, 'off' as const]));
    return { severities: { ...deferred, ...project.rules, ...settings.rules }, ...this.buildFacts(uri) };
  }

  /** Lints other texts of the document with its options, read once (fix-all lints again after each pass). */
  problemsOfTexts(uri: string, settings: DockerfileStagesSettings): (text: string) => readonly Problem[] {
    const options = this.lintOptions(uri, settings);
    return (text) => lint(buildModel(text), options).problems;
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  /** The problems last published for a document (and those suppressed), when they are of its current version. */
  problemsOf(uri: string, version: number): Pick<LintResult, 'problems' | 'suppressed'> {
    const last = this.lastProblems.get(uri);
    return last && last.version === version ? last : { problems: [], suppressed: [] };
  }

  /** Stops pending work for a closed document and clears what was published for it. */
  close(uri: string): void {
    this.cancel(uri);
    this.lastCostMs.delete(uri);
    this.lastProblems.delete(uri);
    this.lastShellCheck.delete(uri);
    clearTimeout(this.shellCheckTimers.get(uri));
    this.shellCheckTimers.delete(uri);
    this.targets.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  /** Stops ShellCheck runs still going. */
  dispose(): void {
    for (const timer of this.shellCheckTimers.values()) clearTimeout(timer);
    this.shellCheck.dispose();
  }

  /** Something the first lint must wait for (the shell grammar loading). */
  waitFor(ready: Promise<void>): void {
    this.ready = ready;
  }

  private async publish(uri: string): Promise<void> {
    // A document's first lint asks the client for its settings: the start-up work finishes and the
    // model is built while the answer comes.
    const known = this.settings.peek(uri);
    const asked = known ? null : this.settings.get(uri);
    if (this.ready) {
      await this.ready;
      this.ready = null;
    }
    let settings = known;
    if (!settings) {
      const opened = this.documents.get(uri);
      if (opened) this.models.get(opened);
      const version = opened?.version;
      settings = await (asked as Promise<DockerfileStagesSettings>);
      // Changed meanwhile: the change scheduled the lint of the new text.
      if (this.documents.get(uri)?.version !== version) return;
    }
    const document = this.documents.get(uri);
    if (!document) return;
    const started = performance.now();
    try {
      const model = this.models.get(document);
      const project = this.projectConfigs.get(uri);
      const options = this.lintOptions(uri, settings);
      this.images.configure(settings, options.platform ?? HOST_PLATFORM);
      const key = lintKey(options, this.images.store.version);
      const result = this.memo.get(model.text, key) ?? lint(model, options);
      this.memo.set(uri, model.text, key, result);
      this.images.afterLint(model, settings, options.platform ?? HOST_PLATFORM);
      for (const failure of result.failures) {
        this.connection.console.error(`Rule ${failure.ruleId} failed on ${uri}: ${describeError(failure.error)}`);
      }
      this.lastProblems.set(uri, { version: document.version, problems: result.problems, suppressed: result.suppressed });
      const ours = result.problems.map((problem) => toDiagnostic(problem, this.docsBaseUri));
      // ShellCheck's last findings for this text stay until its new ones arrive.
      const previous = this.lastShellCheck.get(uri);
      const kept = previous && previous.text === document.getText() ? previous.diagnostics : [];
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...ours, ...kept] });
      const version = document.version;
      const text = document.getText();
      // ShellCheck runs after a pause in typing, never on the keystroke path.
      clearTimeout(this.shellCheckTimers.get(uri));
      const severities = { ...project.rules, ...settings.rules } as Record<string, string>;
      const run = (): void => {
        this.shellCheckTimers.delete(uri);
        if (this.documents.get(uri)?.version !== version) return;
        const current = () => this.documents.get(uri)?.version === version;
        void this.shellCheck.problems(model, settings.shellcheck, this.images.store.factsOf, current).then((found) => {
          if (this.documents.get(uri)?.version !== version) return;
          // A code's setting (`"SC2086": "warning"`) raises or lowers it, as for our own rules.
          const diagnostics = found
            .filter((problem) => severities[problem.ruleId] !== 'off')
            .map((problem) => {
              const chosen = severities[problem.ruleId];
              return toDiagnostic(chosen && chosen in SEVERITIES ? { ...problem, severity: chosen as Problem['severity'] } : problem, this.docsBaseUri);
            });
          this.lastShellCheck.set(uri, { text, diagnostics });
          if (diagnostics.length > 0 || kept.length > 0) void this.connection.sendDiagnostics({ uri, version, diagnostics: [...ours, ...diagnostics] });
        });
      };
      this.shellCheckTimers.set(uri, setTimeout(run, SHELLCHECK_PAUSE_MS));
    } catch (error) {
      this.connection.console.error(`Linting ${uri} failed: ${describeError(error)}`);
    } finally {
      const cost = performance.now() - started;
      this.lastCostMs.set(uri, cost);
      if (cost > LARGE_WORK_MS) collectSoon();
    }
  }
}
