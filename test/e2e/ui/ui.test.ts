import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { engineAvailable } from '../../support/engine';

const require = createRequire(__filename);
const workbench = require('../../../scripts/e2e/workbench.cjs') as {
  startCodeServer(options: Record<string, unknown>): Promise<{ stop(): Promise<void> }>;
  openWorkbench(server: unknown, options?: Record<string, unknown>): Promise<{ page: Page }>;
};
type Locator = {
  first(): Locator;
  waitFor(o?: { state?: string; timeout?: number }): Promise<void>;
  click(options?: { button?: 'left' | 'right' }): Promise<void>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  textContent(): Promise<string | null>;
  count(): Promise<number>;
  getAttribute(name: string): Promise<string | null>;
};
type Page = {
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  /** With a string, Playwright evaluates it in the page as an expression until it is truthy. */
  waitForFunction(expression: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
};

const RESULTS = path.resolve('test-results');
const VSIX = path.resolve('dockerfile-stages.vsix');
const available = engineAvailable() && existsSync(VSIX);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

/** The text the editor shows (all rendered lines). */
async function editorText(page: Page): Promise<string> {
  // Monaco renders spaces as non-breaking ones.
  return ((await page.locator('.editor-instance .monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function openFile(page: Page, relative: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(relative);
  // A nested file's row shows its folder after its name: wait for that row, not a same-named one.
  const folder = path.dirname(relative);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = folder === '.' ? path.basename(relative) : new RegExp(`${escape(path.basename(relative))}[\\s\\S]*${escape(folder)}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(relative) }).first().waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Goes to a line (1-based) with Ctrl+G. */
async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').first().waitFor({ state: 'visible' });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/** Opens the light bulb menu (Ctrl+.) and applies an action by its title, with the keyboard as a user would. */
async function quickFix(page: Page, title: string): Promise<void> {
  // Right after an edit the menu can open on the previous diagnostics, before the new ones arrive: close it and ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 6) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  for (let i = 0; i < 20; i++) {
    const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').first().textContent()) ?? '';
    if (focused.includes(title)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`'${title}' could not be selected in the light bulb menu`);
}

describe('the extension in code-server, driven like a user', { skip: !available && 'needs the engine and the e2e tools (scripts/test-engine.mjs)' }, () => {
  let server: { stop(): Promise<void> };
  let page: Page;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-ui-'));
    cpSync('examples', folder, { recursive: true });
    copyFileSync('test/e2e/ui/ui-fixture.Dockerfile', path.join(folder, 'ui.Dockerfile'));
    copyFileSync('test/e2e/ui/highlight-fixture.Dockerfile', path.join(folder, 'highlight.Dockerfile'));
    writeFileSync(path.join(folder, 'template.Dockerfile'), '');
    mkdirSync(path.join(folder, 'results'));
    const unique = Date.now().toString(36);
    writeFileSync(
      path.join(folder, 'results', 'Dockerfile'),
      `FROM local/busybox:1 AS deps\nRUN echo deps-${unique} > /deps.txt\n\nFROM deps AS build\nWORKDIR /src\nCOPY src.txt ./\nRUN cat src.txt > /out.txt\n\nFROM local/busybox:1 AS runtime\nCOPY --from=build /out.txt /out.txt\nUSER 65532\nCMD ["cat", "/out.txt"]\n`,
    );
    writeFileSync(path.join(folder, 'results', 'src.txt'), 'one\n');
    mkdirSync(path.join(folder, 'baked'));
    writeFileSync(path.join(folder, 'baked', 'Dockerfile'), 'FROM local/busybox:1 AS tools\nRUN echo BAKED_TOOLS\nFROM local/busybox:1 AS app\nUSER 65532\nCMD ["sh"]\n');
    writeFileSync(path.join(folder, 'baked', 'docker-bake.hcl'), 'target "tools" {\n  target = "tools"\n  tags = ["ui-bake:tools"]\n  network = "none"\n}\n');
    writeFileSync(path.join(folder, 'failing.Dockerfile'), 'FROM local/busybox:1 AS broken\nRUN echo about to fail && false\nUSER 65532\n');
    mkdirSync(path.join(folder, 'configured'));
    writeFileSync(path.join(folder, 'configured', 'Dockerfile'), 'FROM local/busybox:1 AS build\nFROM build AS test\nRUN true\nFROM local/busybox:1 AS runtime\nUSER 65532\nCMD ["sh"]\n');
    writeFileSync(path.join(folder, 'configured', '.dockerfile-stages.json'), '{\n  "target": "test",\n  "rules": { "final-user-rot": "off" }\n}\n');
    // A registry nothing answers on: the editor must stay quiet until the user asks it something.
    writeFileSync(path.join(folder, 'offline.Dockerfile'), 'FROM 127.0.0.1:1/team/app\nUSER 65532\nCMD ["/app"]\n');
    server = await workbench.startCodeServer({
      workspace: folder,
      vsix: [VSIX],
      settings: {
        'terminal.integrated.gpuAcceleration': 'off',
        'dockerfileStages.build.extraArgs': ['--network=none', '--progress=plain'],
        'dockerfileStages.build.tagTemplate': 'ui:${stage}',
        'files.autoSave': 'off',
      },
    });
    ({ page } = await workbench.openWorkbench(server));
    await openFile(page, 'ui.Dockerfile');
  });
  after(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows warning squiggles and Problems panel entries', async () => {
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'final-user-root' });
    await rows.first().waitFor();
    await shot(page, 'problems-panel');
    await page.keyboard.press('Control+Shift+M');
  });

  it('adds a non-root USER from the light bulb', async () => {
    await goToLine(page, 6);
    await quickFix(page, 'Add a non-root USER');
    await page.locator('.view-lines', { hasText: 'USER 65532:65532' }).first().waitFor();
    assert.match(await editorText(page), /USER 65532:65532/);
    await shot(page, 'quick-fix-add-user');
  });

  it('chains consecutive RUNs from the light bulb', async () => {
    await goToLine(page, 7);
    await quickFix(page, 'Chain the 2 RUN instructions into one');
    await page.locator('.view-lines', { hasText: '&& echo second step' }).first().waitFor();
    assert.match(await editorText(page), /RUN echo first step > \/steps\.txt \\ *&& echo second step/);
    await shot(page, 'quick-fix-chain-run');
  });

  it('completes stage names after COPY --from=', async () => {
    await goToLine(page, 6);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('COPY --from=');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'build' }).first();
    await row.waitFor({ state: 'visible' }).catch(async () => {
      await page.keyboard.press('Control+Space');
      await row.waitFor({ state: 'visible' });
    });
    await shot(page, 'completion-copy-from');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
  });

  it('completes the stage names of the Dockerfile at build.target in compose.yaml', async () => {
    await openFile(page, 'go-api/compose.yaml');
    try {
      await goToLine(page, 5);
      await page.keyboard.press('End');
      for (let i = 0; i < 'runtime'.length; i++) await page.keyboard.press('Backspace');
      // The server may still be reading the new file when the first list is asked for: ask again.
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'builder' }).first();
      for (let attempt = 0; ; attempt++) {
        await page.keyboard.press('Control+Space');
        const shown = await row.waitFor({ state: 'visible', timeout: 5000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (attempt === 5) throw new Error('no stage names were offered at build.target');
        await page.keyboard.press('Escape');
      }
      assert.match((await page.locator('.suggest-widget').first().textContent()) ?? '', /runtime[\s\S]*test|test[\s\S]*runtime/);
      await shot(page, 'completion-compose-target');
    } finally {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
      await openFile(page, 'ui.Dockerfile');
    }
  });

  it('builds a stage from its code lens on a real engine, and the terminal reports success', async () => {
    await page.keyboard.press('Control+S');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Build Stage build' }).first();
    await lens.waitFor();
    await lens.click();
    await page.locator('.terminal .xterm-rows', { hasText: /naming to .*ui:build|writing image/ }).first().waitFor({ timeout: 120000 });
    await shot(page, 'build-stage-terminal');
    const image = spawnSync('docker', ['image', 'inspect', 'ui:build'], { encoding: 'utf8' });
    assert.equal(image.status, 0, image.stderr);
  });

  it('lists the stages in the Stages view', async () => {
    await openFile(page, 'ui.Dockerfile');
    await page.keyboard.press('Control+Shift+E');
    const view = page.locator('.pane-header', { hasText: 'Stages' }).first();
    await view.waitFor();
    const rows = page.locator('.pane-body .monaco-list-row', { hasText: 'runtime' });
    if ((await rows.count()) === 0) await view.click();
    await rows.first().waitFor();
    // The last stage runs, so it ships; the build stage is a builder.
    await page.locator('.pane-body .monaco-list-row', { hasText: /runtime.*ships/ }).first().waitFor();
    await page.locator('.pane-body .monaco-list-row', { hasText: /build.*builder/ }).first().waitFor();
    // How a stage uses another, as written.
    await page.locator('.pane-body .monaco-list-row', { hasText: /^\s*COPY --from build\s*$/ }).first().waitFor();
    // Its context menu: the build actions, the target, the command to copy.
    await page.locator('.pane-body .monaco-list-row', { hasText: /build.*builder/ }).first().click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    for (const entry of ['Build Stage', 'Build and Run', 'Set as Build Target', 'Copy docker build Command']) {
      await menu.locator('.action-label', { hasText: new RegExp(`^${entry}$`) }).first().waitFor();
    }
    await shot(page, 'stages-view');
    await page.keyboard.press('Escape');
    // The view stays while the Dockerfile is open in a tab and another file has the focus.
    await openFile(page, 'go-api/compose.yaml');
    await page.locator('.pane-body .monaco-list-row', { hasText: /runtime.*ships/ }).first().waitFor();
    await openFile(page, 'ui.Dockerfile');
  });

  it('highlights stage names, flags, mount options and heredoc bodies', async () => {
    await openFile(page, 'highlight.Dockerfile');
    // Monaco gives each token colour its own class: the injected scopes must differ from plain text.
    const token = async (text: string) => {
      // A token may carry the blank before it (Monaco renders blanks as no-break spaces).
      const span = page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^[\\s\u00a0]*${text}[\\s\u00a0]*$`) }).first();
      await span.waitFor({ timeout: 15000 });
      return span.getAttribute('class');
    };
    const plain = await token('/src');
    assert.notEqual(await token('build'), plain, 'the stage name after AS');
    assert.notEqual(await token('runtime'), plain, 'the stage name after AS');
    assert.notEqual(await token('mount'), plain, 'a RUN flag');
    assert.notEqual(await token('sharing'), plain, 'a mount option');
    assert.notEqual(await token('set'), plain, 'a shell command in a RUN heredoc');
    await shot(page, 'highlighting');
  });

  it('starts a Dockerfile from a multi-stage template snippet', async () => {
    await openFile(page, 'template.Dockerfile');
    await page.keyboard.type('ms-go');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'ms-go' }).first();
    await row.waitFor({ state: 'visible' }).catch(async () => {
      await page.keyboard.press('Control+Space');
      await row.waitFor({ state: 'visible' });
    });
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'gcr.io/distroless/static-debian12:nonroot' }).first().waitFor();
    const text = await editorText(page);
    assert.match(text, /FROM golang:1\.25 AS build/);
    assert.match(text, /COPY --from=build \/out\/app \/app/);
    await shot(page, 'snippet-template');
    // Leave snippet mode and the suggestions, as a user moving on would.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('asks no registry for an unpinned image until a pin is picked, then says why it failed', async () => {
    await openFile(page, 'offline.Dockerfile');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'image-unpinned' }).first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    const failure = page.locator('.notifications-toasts .notification-toast', { hasText: 'Could not look up 127.0.0.1:1/team/app' });
    await page.waitForTimeout(1500);
    assert.equal(await failure.count(), 0, 'no notification before the user asks');
    await goToLine(page, 1);
    await quickFix(page, 'Pin 127.0.0.1:1/team/app to a release tag (asks 127.0.0.1:1)');
    await failure.first().waitFor({ timeout: 15000 });
    assert.match((await failure.first().textContent()) ?? '', /Could not look up 127\.0\.0\.1:1\/team\/app in its registry: Could not reach 127\.0\.0\.1:1/);
    assert.doesNotMatch(await editorText(page), /team\/app[:@]/, 'the text is left alone');
    // The toast slides in; let it settle for the picture.
    await page.waitForTimeout(500);
    await shot(page, 'pin-offline-failure');
  });

  it("puts a failed build's error on its line in the Problems panel, and takes it away when the file changes", async () => {
    await openFile(page, 'failing.Dockerfile');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Build Stage broken' }).first();
    await lens.waitFor();
    await lens.click();
    await page.locator('.terminal .xterm-rows', { hasText: /The build failed \(exit code 1\)/ }).first().waitFor({ timeout: 120000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'did not complete successfully: exit code: 1' });
    await problem.first().waitFor();
    assert.match((await problem.first().textContent()) ?? '', /\[2\/2\] RUN echo about to fail && false failed: process "\/bin\/sh -c echo about to fail && false" did not complete successfully: exit code: 1/);
    await shot(page, 'build-failure-problem');
    // Any edit to the file takes the stale build error away (the panel stays open to show it go).
    await page.keyboard.press('Control+1');
    await goToLine(page, 3);
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await problem.first().waitFor({ state: 'detached' });
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'RUN echo about to fail' }).count(), 0);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Shift+M');
  });

  it('shows the target of .dockerfile-stages.json in the status bar and the lenses, and says when it names no stage', async () => {
    await openFile(page, 'configured/Dockerfile');
    await page.locator('.statusbar-item', { hasText: /^\s*test\s*$/ }).first().waitFor();
    // Build and Run sits on the configured target's line, beside its own build lens.
    await page.locator('.codelens-decoration', { hasText: /Build Stage test.*Build and Run/ }).first().waitFor();
    assert.equal(await page.locator('.codelens-decoration', { hasText: 'Build and Run' }).count(), 1);
    await shot(page, 'configured-target');
    await openFile(page, 'configured/.dockerfile-stages.json');
    // Misspell the target: select the word inside its quotes and type over it.
    await goToLine(page, 2);
    await page.keyboard.press('End');
    // Past the comma and the closing quote.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type('tset');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "'tset' is no stage of Dockerfile (its stages: build, test, runtime). Did you mean 'test'?" }).first().waitFor();
    // The JSON schema knows the rule ids.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Property final-user-rot is not allowed' }).first().waitFor();
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'End of file expected' }).count(), 0);
    await shot(page, 'configured-target-misspelt');
    await page.keyboard.press('Control+Shift+M');
  });

  it("opens a rule's page rendered, read-only, from the Problems panel", async () => {
    await openFile(page, 'offline.Dockerfile');
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel .monaco-list-row .code-link, .markers-panel .monaco-list-row a', { hasText: /^image-unpinned$/ }).first();
    await link.waitFor();
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'image-unpinned' }).first().waitFor();
    // The Markdown preview (a webview), not a text editor on the extension's own file.
    await page.locator('iframe.webview').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('.editor-group-container.active .monaco-editor .view-lines').count(), 0);
    await shot(page, 'rule-page-preview');
    await page.keyboard.press('Control+W');
    await page.keyboard.press('Control+Shift+M');
  });

  it("shows each step's time, cache and layer on its line after a build, and where the cache broke after a change", async () => {
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await openFile(page, 'results/Dockerfile');
    const build = async () => {
      const lens = page.locator('.codelens-decoration a', { hasText: 'Build Stage runtime' }).first();
      await lens.waitFor();
      await lens.click();
    };
    /** Decorations are drawn as ::after content: read it from the rendered spans. */
    const decorated = (text: string) =>
      page
        .waitForFunction(`[...document.querySelectorAll('.view-lines span')].some((span) => getComputedStyle(span, '::after').content.includes(${JSON.stringify(text)}))`, undefined, { timeout: 50000 })
        .catch(async (error: unknown) => {
          await shot(page, 'build-results-failure');
          throw error;
        });
    await build();
    // The base image's FROM is cached in any build: the first results are there.
    await decorated('cached');
    writeFileSync(path.join(folder, 'results', 'src.txt'), 'two\n');
    await build();
    await decorated('cache broken here: the files it copies changed');
    await shot(page, 'build-results-on-lines');
  });

  it('debugs a stage: stops at a breakpoint on a RUN line through docker buildx dap build', async () => {
    await openFile(page, 'results/Dockerfile');
    await goToLine(page, 7);
    await page.keyboard.press('F9');
    await page.locator('.codicon-debug-breakpoint').first().waitFor();
    const lens = page.locator('.codelens-decoration', { hasText: 'Build Stage build' }).first().locator('a', { hasText: 'Debug' }).first();
    await lens.click();
    await page.locator('.debug-toolbar').first().waitFor({ timeout: 50000 });
    // Paused on line 7: the editor marks the top stack frame there.
    await page.locator('.debug-top-stack-frame-line, .codicon-debug-stackframe').first().waitFor({ timeout: 50000 });
    await shot(page, 'debugger-paused');
    await page.keyboard.press('F5');
    await page.locator('.debug-toolbar').first().waitFor({ state: 'hidden', timeout: 50000 });
    await page.keyboard.press('F9');
  });

  it('builds a Bake target from its code lens in docker-bake.hcl on a real engine', async () => {
    // The panel the last test toggled may hold the focus: give it back to the editor first.
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await openFile(page, 'baked/docker-bake.hcl');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Build target tools' }).first();
    await lens.waitFor();
    await lens.click();
    await page.locator('.terminal .xterm-rows', { hasText: /ui-bake:tools[\s\S]*The build succeeded\./ }).first().waitFor({ timeout: 50000 }).catch(async (error: unknown) => {
      await shot(page, 'bake-lens-failure');
      throw error;
    });
    await shot(page, 'bake-lens-terminal');
    const image = spawnSync('docker', ['image', 'inspect', 'ui-bake:tools'], { encoding: 'utf8' });
    assert.equal(image.status, 0, image.stderr);
  });
});
