// Crosscheck VS Code client: starts `crosscheck lsp`, wires commands, status bar and settings.
// Everything clever happens in the server; this file only decides when and how to start it.
import * as vscode from 'vscode';
import { spawn, execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CloseAction, DidChangeConfigurationNotification, ErrorAction, LanguageClient, LanguageClientOptions,
  ServerOptions, State, WorkspaceSymbolRequest,
} from 'vscode-languageclient/node';
import { findServer, Found, ServerNotFound } from './server';
import { StatusBar, StatusParams } from './status';

const SELECTOR = [{ scheme: 'file', language: 'plaintext' }, { scheme: 'file', language: 'markdown' }];
// Restart a crashing server at most this many times within CRASH_WINDOW_MS, then give up loudly.
const MAX_RESTARTS = 3;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: StatusBar | undefined;
let ctx: vscode.ExtensionContext;
let starting: Promise<void> | undefined;

function serverSettings(): { maxFileSize: number; rules: Record<string, string> } {
  const c = vscode.workspace.getConfiguration('crosscheck');
  return { maxFileSize: c.get<number>('maxFileSize', 10485760), rules: c.get<Record<string, string>>('rules', {}) };
}

/** A folder with `.crosscheck/`, or a crosscheck.* setting the user set anywhere, opts in. */
function optedIn(): boolean {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.some((f) => f.uri.scheme === 'file' && fs.existsSync(path.join(f.uri.fsPath, '.crosscheck')))) {
    return true;
  }
  const c = vscode.workspace.getConfiguration('crosscheck');
  return ['server.path', 'maxFileSize', 'rules', 'trace.server'].some((k) => {
    const i = c.inspect(k);
    return i !== undefined && [i.globalValue, i.workspaceValue, i.workspaceFolderValue].some((v) => v !== undefined);
  });
}

/** Tail of the last server process' stderr and its exit status, for crash messages. */
const lastRun = { stderr: [] as string[], exit: undefined as string | undefined, exited: Promise.resolve() };

function describeExit(): string {
  const tail = [...new Set(lastRun.stderr)].slice(-3).join(' | ').trim();
  return `${lastRun.exit ?? 'still running'}${tail ? `; its last output: "${tail.slice(-300)}"` : ''}`;
}

/** Error toast with buttons. Not awaited: activation and restarts must not wait for the user. */
function showError(msg: string, actions: Record<string, () => unknown>): void {
  void vscode.window.showErrorMessage(msg, ...Object.keys(actions)).then((pick) => { if (pick) { void actions[pick](); } });
}

async function reportFailure(what: string): Promise<void> {
  // stderr and 'exit' can arrive after the protocol noticed the closed pipe
  await Promise.race([lastRun.exited, new Promise((r) => setTimeout(r, 1500))]);
  const msg = `Crosscheck: ${what} (${describeExit()}). See "Crosscheck: Show Server Log" for details; ` +
    'fix the problem, then run "Crosscheck: Restart Server".';
  output.appendLine(msg);
  status?.failed('Crosscheck: stopped', msg);
  showError(msg, {
    'Show Log': () => output.show(true),
    'Restart': () => vscode.commands.executeCommand('crosscheck.restart'),
  });
}

function makeServerOptions(found: Found): ServerOptions {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return async () => {
    lastRun.stderr = [];
    lastRun.exit = undefined;
    const proc = spawn(found.path, ['lsp'], { cwd, env: process.env });
    lastRun.exited = new Promise((resolve) => {
      // 'close', not 'exit': a process may exit before its stderr is read to
      // the end, and the last lines are the ones that say why it stopped.
      proc.on('close', (code, signal) => {
        lastRun.exit = signal ? `killed by ${signal}` : `exit code ${code}`;
        resolve();
      });
      proc.on('error', (e) => { lastRun.exit = `could not run ${found.path}: ${e.message}`; resolve(); });
    });
    proc.stderr.on('data', (d: Buffer) => lastRun.stderr.push(...d.toString().split('\n').filter((l) => l.trim())));
    return proc;
  };
}

function makeClient(found: Found): LanguageClient {
  const crashes: number[] = [];
  let initialized = false; // a server that dies before answering initialize is reported by start()
  const options: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: serverSettings(),
    // our own message (with exit code and stderr) instead of the generic one
    initializationFailedHandler: () => false,
    errorHandler: {
      // write errors (EPIPE) always come with a close; report once, from closed() or start()
      error: () => ({ action: ErrorAction.Continue, handled: true }),
      closed: () => {
        if (!initialized) { return { action: CloseAction.DoNotRestart, handled: true }; }
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && now - crashes[0] > CRASH_WINDOW_MS) { crashes.shift(); }
        if (crashes.length <= MAX_RESTARTS) {
          return { action: CloseAction.Restart, message: `Crosscheck server stopped (${describeExit()}); restarting.`, handled: true };
        }
        void reportFailure(`the language server stopped ${crashes.length} times in a few minutes and will not be restarted`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  const c = new LanguageClient('crosscheck', 'Crosscheck', makeServerOptions(found), options);
  c.onDidChangeState((e) => { if (e.newState === State.Running) { initialized = true; } });
  c.onNotification('crosscheck/status', (p: StatusParams) => {
    output.appendLine(`status: ${p.state}, ${p.files} files, ${p.entities} entities${p.message ? `: ${p.message}` : ''}`);
    status?.update(p);
  });
  return c;
}

async function start(): Promise<void> {
  if (client) { return; }
  status ??= new StatusBar();
  let found: Found;
  try {
    found = findServer({
      setting: vscode.workspace.getConfiguration('crosscheck').get<string>('server.path'),
      env: process.env, extensionPath: ctx.extensionPath,
    });
  } catch (e) {
    if (!(e instanceof ServerNotFound)) { throw e; }
    output.appendLine(e.message);
    status?.failed('Crosscheck: no server', e.message);
    showError(e.message, {
      'Open Settings': () => vscode.commands.executeCommand('workbench.action.openSettings', 'crosscheck.server.path'),
      'Show Log': () => output.show(true),
    });
    return;
  }
  execFile(found.path, ['--version'], { timeout: 5000 }, (err, stdout) =>
    output.appendLine(`Using ${found.path} (from ${found.source}): ${err ? `--version failed: ${err.message}` : stdout.trim()}`));
  status?.starting();
  client = makeClient(found);
  try {
    await client.start();
    const info = client.initializeResult?.serverInfo;
    status?.running(info ? `${info.name} ${info.version ?? ''}`.trim() : 'server');
  } catch (e) {
    // once the process has exited, its exit code and stderr say more than the pipe error (EPIPE)
    await Promise.race([lastRun.exited, new Promise((r) => setTimeout(r, 1500))]);
    void reportFailure(lastRun.exit ? 'the language server failed to start'
      : `the language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function startOnce(): Promise<void> {
  starting ??= start().finally(() => { starting = undefined; });
  return starting;
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) { await c.dispose().catch((e) => output.appendLine(`stopping the server: ${e}`)); }
}

async function showEntities(): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('Crosscheck: the language server is not running.', 'Show Log')
      .then((p) => { if (p) { output.show(true); } });
    return;
  }
  const symbols = await client.sendRequest(WorkspaceSymbolRequest.type, { query: '' }) ?? [];
  type Item = vscode.QuickPickItem & { loc?: vscode.Location };
  const items: Item[] = symbols.map((s) => {
    const uri = client!.protocol2CodeConverter.asUri(s.location.uri);
    const range = 'range' in s.location ? client!.protocol2CodeConverter.asRange(s.location.range) : undefined;
    return {
      label: s.name,
      description: s.containerName || vscode.SymbolKind[s.kind - 1] || '',
      detail: vscode.workspace.asRelativePath(uri),
      loc: new vscode.Location(uri, range ?? new vscode.Position(0, 0)),
    };
  });
  const pick = await vscode.window.showQuickPick(items, {
    title: `Crosscheck: ${items.length} entities`, matchOnDescription: true, matchOnDetail: true,
    placeHolder: items.length ? 'Go to an entity' : 'No entities found (yet)',
  });
  if (pick?.loc) { await vscode.window.showTextDocument(pick.loc.uri, { selection: pick.loc.range }); }
}

async function enableForFolder(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  const folder = active ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0]);
  if (!folder) {
    void vscode.window.showErrorMessage('Crosscheck: open a folder first; annotations are kept in its .crosscheck/ folder.');
    return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.crosscheck'));
  output.appendLine(`Enabled for ${folder.uri.fsPath} (created .crosscheck/)`);
  await startOnce();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = context;
  output = vscode.window.createOutputChannel('Crosscheck');
  context.subscriptions.push(output,
    vscode.commands.registerCommand('crosscheck.enable', enableForFolder),
    vscode.commands.registerCommand('crosscheck.restart', async () => { await stop(); await startOnce(); }),
    vscode.commands.registerCommand('crosscheck.showLog', () => output.show(true)),
    vscode.commands.registerCommand('crosscheck.showEntities', showEntities),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('crosscheck')) { return; }
      if (!client && optedIn()) { await startOnce(); return; }
      if (e.affectsConfiguration('crosscheck.server.path')) { await stop(); await startOnce(); return; }
      if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings() });
      }
    }),
    { dispose: () => { void stop(); status?.dispose(); } });
  if (optedIn()) {
    await startOnce();
  } else {
    // a `.crosscheck/` made later (by hand or by another tool) opts in without a reload
    const w = vscode.workspace.createFileSystemWatcher('**/.crosscheck{,/**}');
    const maybe = async () => { if (!client && optedIn()) { await startOnce(); } };
    context.subscriptions.push(w, w.onDidCreate(maybe));
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}
