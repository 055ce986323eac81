// Unit tests for the binary lookup order and the not-found message (node --test, no VS Code needed).
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findServer, ServerNotFound } = require('../../out/server.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-find-'));
function exe(rel) {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, '#!/bin/sh\n', { mode: 0o755 });
  return p;
}
const onPath = exe('pathdir/crosscheck');
const viaEnv = exe('envdir/crosscheck');
const viaSetting = exe('settingdir/crosscheck');
const ext = path.join(tmp, 'ext');
const noExt = path.join(tmp, 'noext');
exe('ext/bin/crosscheck');
const PATH = path.dirname(onPath);

test('setting wins over everything', () => {
  const r = findServer({ setting: viaSetting, env: { CROSSCHECK_PATH: viaEnv, PATH }, extensionPath: ext });
  assert.deepStrictEqual(r, { path: viaSetting, source: 'setting' });
});
test('env var comes second', () => {
  const r = findServer({ setting: '', env: { CROSSCHECK_PATH: viaEnv, PATH }, extensionPath: ext });
  assert.deepStrictEqual(r, { path: viaEnv, source: 'env' });
});
test('bundled binary comes third', () => {
  const r = findServer({ env: { PATH }, extensionPath: ext });
  assert.strictEqual(r.source, 'bundled');
});
test('PATH comes last', () => {
  const r = findServer({ env: { PATH }, extensionPath: noExt });
  assert.deepStrictEqual(r, { path: onPath, source: 'PATH' });
});
test('a setting pointing nowhere is an error naming the setting', () => {
  assert.throws(() => findServer({ setting: '/nonexistent/crosscheck', env: { PATH }, extensionPath: ext }),
    (e) => e instanceof ServerNotFound && /crosscheck\.server\.path/.test(e.message) && /nonexistent/.test(e.message));
});
test('nothing found: message says what was searched and how to fix it', () => {
  assert.throws(() => findServer({ env: { PATH: path.join(tmp, 'empty') }, extensionPath: noExt }),
    (e) => e instanceof ServerNotFound && /not found/.test(e.message) && /cargo install/.test(e.message) &&
      /crosscheck\.server\.path/.test(e.message));
});
test('a non-executable file is skipped', () => {
  const plain = path.join(tmp, 'plain/crosscheck');
  fs.mkdirSync(path.dirname(plain), { recursive: true });
  fs.writeFileSync(plain, 'x', { mode: 0o644 });
  assert.throws(() => findServer({ env: { PATH: path.dirname(plain) }, extensionPath: noExt }), ServerNotFound);
});
