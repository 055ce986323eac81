// Locating the crosscheck binary. Kept free of the `vscode` module so it can be unit-tested with node.
import * as fs from 'fs';
import * as path from 'path';

export type Source = 'setting' | 'env' | 'bundled' | 'PATH';
export interface Found { path: string; source: Source }
export interface Lookup {
  setting?: string;          // crosscheck.server.path
  env: NodeJS.ProcessEnv;    // CROSSCHECK_PATH, PATH
  extensionPath: string;     // bundled binary lives in <ext>/bin/crosscheck
  platform?: NodeJS.Platform;
}

export class ServerNotFound extends Error {}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'crosscheck.exe' : 'crosscheck';
}

function onPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  return dirs.map((d) => path.join(d, exeName(platform))).find(isExecutable);
}

const FIX = 'Install it (from the crosscheck repository: `cargo install --path server`) and make sure ' +
  '`crosscheck` is on PATH, or set "crosscheck.server.path" to the full path of the binary.';

/** Setting, then $CROSSCHECK_PATH, then the bundled binary, then PATH. An explicit setting or env var
 *  that points nowhere is an error rather than a silent fallback, so a typo doesn't go unnoticed. */
export function findServer(l: Lookup): Found {
  const platform = l.platform ?? process.platform;
  const setting = (l.setting ?? '').trim();
  if (setting) {
    if (isExecutable(setting)) { return { path: setting, source: 'setting' }; }
    throw new ServerNotFound(`Crosscheck: "crosscheck.server.path" is set to ${setting}, but no executable ` +
      'file is there. Fix the setting, or clear it to use crosscheck from PATH.');
  }
  const env = (l.env.CROSSCHECK_PATH ?? '').trim();
  if (env) {
    if (isExecutable(env)) { return { path: env, source: 'env' }; }
    throw new ServerNotFound(`Crosscheck: CROSSCHECK_PATH is set to ${env}, but no executable file is there. ` +
      'Fix or unset the environment variable.');
  }
  const bundled = path.join(l.extensionPath, 'bin', exeName(platform));
  if (isExecutable(bundled)) { return { path: bundled, source: 'bundled' }; }
  const found = onPath(l.env, platform);
  if (found) { return { path: found, source: 'PATH' }; }
  throw new ServerNotFound('Crosscheck: the language server binary "crosscheck" was not found ' +
    '(looked at the crosscheck.server.path setting, CROSSCHECK_PATH, the extension\'s bin/ folder and PATH). ' + FIX);
}
