// API-level checks inside the real extension host, next to the UI test: they don't depend on the
// workbench's DOM. Runs only when CROSSCHECK_E2E_OUT is set; writes {results:[[status, text]]} there.
// CAPS (file) says which server features exist; missing ones are reported as skip.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

async function run() {
  const results = [];
  const ok = (m) => results.push(['ok', m]);
  const skip = (m) => results.push(['skip', m]);
  const caps = process.env.CAPS ? JSON.parse(fs.readFileSync(process.env.CAPS, 'utf8')) : {};
  async function check(name, fn) {
    try { await fn(); } catch (e) { results.push(['not ok', `${name}: ${e && e.message || e}`]); }
  }
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const file = fs.readdirSync(folder.fsPath).find((f) => f.startsWith('003_'));
  const uri = vscode.Uri.joinPath(folder, file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await vscode.extensions.getExtension('crosscheck.crosscheck').activate();
  ok('crosscheck extension active');
  const lineNo = doc.getText().split('\n').findIndex((l) => l.includes('Thus, Stoltenberg'));
  const pos = new vscode.Position(lineNo, 'Thus, '.length + 2);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  async function until(fn, ms) {
    const end = Date.now() + ms;
    let v;
    while (!(v = await fn()) && Date.now() < end) { await wait(200); }
    return v;
  }

  await check('semantic tokens', async () => {
    if (!caps.semanticTokensProvider) { return skip('semantic tokens: pending server feature'); }
    const legend = await until(() => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri), 15000);
    const tokens = await until(() => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri), 15000);
    let line = 0, ch = 0, found;
    const d = tokens.data;
    for (let i = 0; i < d.length; i += 5) {
      line += d[i]; ch = d[i] ? d[i + 1] : ch + d[i + 1];
      if (line === pos.line && ch <= pos.character && pos.character < ch + d[i + 2]) { found = legend.tokenTypes[d[i + 3]]; }
    }
    if (found !== 'person') { throw new Error(`"Stoltenberg" token type ${found}; legend ${legend.tokenTypes}`); }
    ok(`API: semantic token at "Stoltenberg" is "person" (${d.length / 5} tokens in 003)`);
  });

  // cross-file answers need the indexed workspace; the status bar text is the extension's view of it
  await check('hover', async () => {
    if (!caps.hoverProvider) { return skip('hover: pending server feature'); }
    const text = await until(async () => {
      const hs = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos);
      const t = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return t.includes('Jens Stoltenberg') && t;
    }, 15000);
    if (!text) { throw new Error('no hover with "Jens Stoltenberg"'); }
    ok('API: hover contains "Jens Stoltenberg"');
  });

  // The first answer must be right (no waiting for "ready", no asking again until it is): the
  // server itself waits for its index. `until` only waits for the client to have started.
  await check('definition', async () => {
    if (!caps.definitionProvider) { return skip('definition: pending server feature'); }
    const ds = await until(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, pos);
      return r.length && r;
    }, 30000);
    const u = ds && (ds[0].targetUri || ds[0].uri);
    if (!u || path.basename(u.fsPath) === file) { throw new Error('definition stayed in 003: ' + (u && u.fsPath)); }
    ok(`API: definition of "Stoltenberg" is in ${path.basename(u.fsPath)} (first answer)`);
  });

  await check('references', async () => {
    if (!caps.referencesProvider) { return skip('references: pending server feature'); }
    const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', uri, pos);
    const files = new Set(refs.map((r) => r.uri.fsPath));
    // all in 003 was the bug of a buffer analysed apart from the folder's knowledge base
    if (refs.length < 2 || files.size < 3) { throw new Error(`${refs.length} references in ${files.size} files`); }
    ok(`API: ${refs.length} references in ${files.size} files`);
  });

  await check('workspace symbols', async () => {
    if (!caps.workspaceSymbolProvider) { return skip('workspace symbols: pending server feature'); }
    const syms = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Stoltenberg');
    if (!syms.some((s) => s.name.includes('Stoltenberg'))) { throw new Error('no Stoltenberg symbol'); }
    ok(`API: workspace symbol query "Stoltenberg" -> ${syms.map((s) => s.name).join(', ')}`);
  });

  await check('diagnostics', async () => {
    const diags = await until(() => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosscheck').length
      && vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosscheck'), 40000);
    if (!diags) { throw new Error('diagnostics: none for 003 within 40 s'); }
    ok(`API: ${diags.length} crosscheck diagnostics in 003, e.g. [${diags[0].code && (diags[0].code.value || diags[0].code)}] ${diags[0].message}`);
    if (!caps.codeActionProvider) { return skip('code actions: pending server feature'); }
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diags[0].range);
    if (!actions.length) { throw new Error('no code action at the first diagnostic'); }
    ok(`API: code actions at the first diagnostic: ${actions.map((a) => a.title).join('; ')}`);
  });
  await check('json schema', async () => {
    const ext = vscode.extensions.getExtension('crosscheck.crosscheck');
    if (!fs.existsSync(path.join(ext.extensionPath, 'schemas', 'entities.schema.json'))) {
      return skip('JSON validation of .crosscheck/entities.json: no schemas packaged (server/schemas missing at build time)');
    }
    // a throwaway folder, so the workspace's real .crosscheck/ stays untouched
    const dir = path.join(folder.fsPath, 'zz-schema-test', '.crosscheck');
    fs.mkdirSync(dir, { recursive: true });
    const bad = vscode.Uri.file(path.join(dir, 'entities.json'));
    fs.writeFileSync(bad.fsPath, '{ "version": "one", "entities": [] }\n');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bad));
      const diags = await until(() => vscode.languages.getDiagnostics(bad).length && vscode.languages.getDiagnostics(bad), 20000);
      if (!diags) { throw new Error('no schema diagnostics for "version": "one"'); }
      ok(`JSON schema: .crosscheck/entities.json with "version": "one" -> "${diags[0].message}"`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(path.join(folder.fsPath, 'zz-schema-test'), { recursive: true, force: true });
    }
  });
  return results;
}

exports.activate = function () {
  const out = process.env.CROSSCHECK_E2E_OUT;
  if (!out) { return; }
  run().then((results) => fs.writeFileSync(out, JSON.stringify({ results })),
    (e) => fs.writeFileSync(out, JSON.stringify({ results: [['not ok', 'harness: ' + (e && e.stack || e)]] })));
};
