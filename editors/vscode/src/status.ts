// Status bar item fed by the server's custom `crosscheck/status` notification.
import * as vscode from 'vscode';

export interface StatusParams {
  state: 'indexing' | 'ready' | 'error';
  files: number;
  entities: number;
  message?: string;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Crosscheck';
    this.starting();
    this.item.show();
  }

  private heard = false; // a crosscheck/status arrived since the last start: it is more precise

  starting(): void {
    this.heard = false;
    this.set('$(sync~spin) Crosscheck', 'Crosscheck: starting the language server', 'crosscheck.showLog');
  }

  /** Server up; `crosscheck/status` (if the server sends it) refines this. */
  running(version: string): void {
    if (this.heard) { return; }
    this.set('$(check) Crosscheck', `Crosscheck: ${version} running. Click for the entity list.`, 'crosscheck.showEntities');
  }

  update(p: StatusParams): void {
    this.heard = true;
    const counts = `${p.files} files, ${p.entities} entities`;
    if (p.state === 'indexing') {
      this.set(`$(sync~spin) Crosscheck: indexing ${p.files} files`, p.message ?? 'Crosscheck: indexing', 'crosscheck.showLog');
    } else if (p.state === 'ready') {
      this.set(`$(check) Crosscheck: ${p.entities} entities`, `Crosscheck: ${counts}. Click for the entity list.`,
        'crosscheck.showEntities');
    } else {
      this.set('$(error) Crosscheck', `Crosscheck error: ${p.message ?? 'unknown'} (${counts}). Click for the log.`,
        'crosscheck.showLog', true);
    }
  }

  /** Server missing or stopped: stay visible so the user has something to click. */
  failed(text: string, tooltip: string): void {
    this.set(`$(error) ${text}`, tooltip, 'crosscheck.showLog', true);
  }

  private set(text: string, tooltip: string, command: string, error = false): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void { this.item.dispose(); }
}
