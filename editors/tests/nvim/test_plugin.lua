-- Headless test of the crosscheck Neovim plugin against a server binary (Neovim 0.7.2 .. 0.11.x).
-- nvim --headless -u NONE -c 'luafile editors/tests/nvim/test_plugin.lua'
-- Env: CROSSCHECK_PATH server binary (the plugin's own lookup is what gets tested)
--      WS   workspace: a copy of examples/nato-ukraine with a .crosscheck/ folder
--      MODE full (default) | missing (no binary anywhere) | crash (binary dies at start)
--           | roots (no .crosscheck/ above the file: no client; then root_dir / fallback_root)
-- Checks the server doesn't advertise yet print "skip - ..." (pending server features).
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local plugin = vim.fn.fnamemodify(here, ':h:h') .. '/neovim'
local WS, MODE = os.getenv('WS'), os.getenv('MODE') or 'full'
local passed, failed, skipped = 0, 0, 0
local function say(s) io.stdout:write(s .. '\n') end
local function ok(m) passed = passed + 1; say('ok - ' .. m) end
local function skip(m) skipped = skipped + 1; say('skip - ' .. m) end
local function finish()
  say(('%d passed, %d failed, %d skipped'):format(passed, failed, skipped))
  vim.cmd(failed > 0 and 'cquit 1' or 'qall!')
end
-- run one named check; an error fails it without stopping the others
local function check(name, fn)
  local okc, e = xpcall(fn, debug.traceback)
  if not okc then failed = failed + 1; say('not ok - ' .. name .. ': ' .. tostring(e):gsub('\n', '\n#   ')) end
end
local tag = 'nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch

-- 0.7 print()s "Workspace edit <label>" to stdout, which would break the ok/not ok lines
print = function(...) io.stderr:write(table.concat(vim.tbl_map(tostring, { ... }), ' ') .. '\n') end
local notes = {} -- everything the plugin tells the user
vim.notify = function(msg, level) table.insert(notes, { msg = msg, level = level }) end
-- 0.7 writes window/showMessage to stdout too ("crosscheck: set claim status (1 file(s) written)")
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ...)
  if result and result.type ~= 1 then
    io.stderr:write('showMessage: ' .. tostring(result.message) .. '\n')
    return vim.NIL
  end
  return show(err, result, ...)
end

vim.opt.runtimepath:prepend(plugin)
vim.cmd('filetype on') -- -u NONE leaves it off, and the plugin hooks FileType
local loaded, cc = pcall(require, 'crosscheck') -- an uncaught error would leave headless nvim hanging
if not loaded then failed = 1; say('not ok - require crosscheck: ' .. tostring(cc)); finish() end
cc.setup({})

local function file(prefix) return vim.fn.glob(WS .. '/' .. prefix .. '*.txt') end
local function uri_file(u) return vim.fn.fnamemodify(vim.uri_to_fname(u), ':t') end
-- A liveness bound, not a speed target: the first request after attach waits for the folder's
-- first analysis, which a debug build on a loaded 2-core machine has taken over 10 s to finish.
local function request(buf, method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, 30000)
  assert(res, method .. ': ' .. tostring(err))
  local _, r = next(res)
  assert(r and not r.err, method .. ': ' .. vim.inspect(r and r.err))
  return r.result
end

-- The file is open first and the server starts for it, as in every editor; hover, definition and
-- references are asked at once, without waiting for the "ready" status, on the example with its own
-- .crosscheck/ (knowledge base, links): cross-file answers must already be right.
local function main_full()
  assert(vim.fn.filereadable(WS .. '/.crosscheck/entities.json') == 1, 'fixture: WS lacks the example .crosscheck/')
  vim.cmd('edit ' .. vim.fn.fnameescape(file('003_')))
  local buf = vim.api.nvim_get_current_buf()
  local client
  check('attach', function()
    assert(vim.wait(15000, function() return #cc.clients(buf) > 0 end, 20), 'no client attached')
    client = cc.clients(buf)[1]
    assert(vim.wait(15000, function() return client.initialized ~= false and client.server_capabilities ~= nil end, 20))
    assert(client.config.root_dir == WS, 'root ' .. tostring(client.config.root_dir) .. ' ~= ' .. WS)
    ok(tag .. ': client attached to ' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':t') .. ', root = workspace with .crosscheck/')
  end)
  if not client then return end
  local caps = client.server_capabilities or client.resolved_capabilities
  -- a "Stoltenberg" that is not the full name: "Thus, Stoltenberg said"
  local lnum, col
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = l:find('Thus, Stoltenberg', 1, true)
    if s then lnum, col = i - 1, s + 5; break end -- 0-based line, 0-based column of "S" (ASCII prefix)
  end
  assert(lnum, 'fixture: no "Thus, Stoltenberg" line in 003_*.txt')
  local pos = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = lnum, character = col + 2 } }

  check('semantic tokens', function()
    local p = caps.semanticTokensProvider
    if not p then return skip(tag .. ': semantic tokens: server has no semanticTokensProvider (pending server feature)') end
    local legend = p.legend.tokenTypes
    for _, t in ipairs({ 'person', 'organization', 'location', 'date', 'money', 'quantity' }) do
      assert(vim.tbl_contains(legend, t), 'legend lacks ' .. t .. ': ' .. vim.inspect(legend))
    end
    local data = request(buf, 'textDocument/semanticTokens/full', { textDocument = pos.textDocument }).data
    local line, start, found = 0, 0, nil
    for i = 1, #data, 5 do
      line = line + data[i]
      start = (data[i] == 0) and (start + data[i + 1]) or data[i + 1]
      if line == lnum and start <= col and col < start + data[i + 2] then found = legend[data[i + 3] + 1] end
    end
    assert(found == 'person', '"Stoltenberg" token type: ' .. tostring(found))
    ok(tag .. ': semantic token on "Stoltenberg" has type person (legend has all 6 types)')
    if not vim.inspect_pos then return skip(tag .. ': no built-in semantic highlighting before 0.9 (tokens checked above)') end
    local groups
    assert(vim.wait(10000, function()
      groups = {}
      for _, t in ipairs(vim.inspect_pos(buf, lnum, col).semantic_tokens) do table.insert(groups, t.opts.hl_group) end
      return table.concat(groups, ' '):find('@lsp.type.person', 1, true) ~= nil -- '.text' suffix on 0.10+
    end, 50), 'no @lsp.type.person highlight at "Stoltenberg": ' .. vim.inspect(groups))
    local link = vim.api.nvim_get_hl(0, { name = '@lsp.type.person' }).link
    assert(link == 'Function', '@lsp.type.person links to ' .. tostring(link))
    ok(tag .. ': "Stoltenberg" is coloured: @lsp.type.person -> ' .. link)
  end)

  check('hover', function()
    if not caps.hoverProvider then return skip(tag .. ': hover: pending server feature') end
    local r = request(buf, 'textDocument/hover', pos)
    local c = r and r.contents
    local text = type(c) == 'string' and c or (c and (c.value or vim.inspect(c))) or ''
    assert(text:find('Jens Stoltenberg', 1, true), 'hover text: ' .. text)
    ok(tag .. ': hover on "Stoltenberg" shows "Jens Stoltenberg"')
  end)

  check('definition', function()
    if not caps.definitionProvider then return skip(tag .. ': definition: pending server feature') end
    local r = request(buf, 'textDocument/definition', pos)
    local loc = r and (r[1] or r)
    local u = loc and (loc.uri or loc.targetUri)
    assert(u and uri_file(u) ~= uri_file(pos.textDocument.uri), 'definition stayed in the file: ' .. vim.inspect(r))
    vim.api.nvim_win_set_cursor(0, { lnum + 1, col + 2 })
    vim.lsp.buf.definition() -- the user's jump; async
    assert(vim.wait(10000, function() return vim.api.nvim_get_current_buf() ~= buf end, 20), 'jump did not open another file')
    local landed = vim.fn.expand('%:t')
    local line = vim.api.nvim_get_current_line()
    assert(line:find('Stoltenberg', 1, true), 'landed on a line without Stoltenberg: ' .. line)
    ok(tag .. ': definition jump from 003 landed in ' .. landed .. ' on a "Stoltenberg" line')
    vim.cmd('buffer ' .. buf)
  end)

  check('references', function()
    if not caps.referencesProvider then return skip(tag .. ': references: pending server feature') end
    local p = vim.deepcopy(pos); p.context = { includeDeclaration = true }
    local r = request(buf, 'textDocument/references', p) or {}
    local files = {}
    for _, l in ipairs(r) do files[uri_file(l.uri)] = true end
    -- all in 003 was the bug of a buffer analysed apart from the folder's knowledge base
    assert(#r > 1 and vim.tbl_count(files) > 2, 'references: ' .. vim.inspect(r))
    ok(('%s: %d references to Stoltenberg in %d files'):format(tag, #r, vim.tbl_count(files)))
  end)

  -- asked above at once, as editors do: the server waits for its index (or refreshes); now the
  -- status it reports once indexing is done
  check('status', function()
    if not vim.wait(30000, function() return cc.status ~= nil and cc.status.state == 'ready' end, 20) then
      if cc.status == nil then return skip(tag .. ': crosscheck/status: none received (pending server feature)') end
      error('crosscheck/status never became ready: ' .. vim.inspect(cc.status))
    end
    ok(tag .. ': crosscheck/status received, statusline: ' .. cc.statusline())
  end)

  check('highlights and symbols', function()
    if caps.documentHighlightProvider then
      local r = request(buf, 'textDocument/documentHighlight', pos) or {}
      assert(#r > 1, 'documentHighlight: ' .. vim.inspect(r))
      ok(('%s: documentHighlight marks %d "Stoltenberg" mentions in 003'):format(tag, #r))
    else
      skip(tag .. ': documentHighlight: pending server feature')
    end
    if caps.documentSymbolProvider then
      local r = request(buf, 'textDocument/documentSymbol', { textDocument = pos.textDocument }) or {}
      local names = {}
      local function walk(list) for _, sym in ipairs(list) do table.insert(names, sym.name); walk(sym.children or {}) end end
      walk(r)
      assert(table.concat(names, '|'):find('Stoltenberg', 1, true), 'documentSymbol: ' .. table.concat(names, '|'))
      ok(('%s: documentSymbol (outline) lists %d symbols incl. Stoltenberg'):format(tag, #names))
    else
      skip(tag .. ': documentSymbol: pending server feature')
    end
  end)

  local diag -- a crosscheck diagnostic in 003, for the code action check
  check('diagnostics', function()
    local ds
    if not vim.wait(40000, function() ds = vim.diagnostic.get(buf); return #ds > 0 end, 50) then
      error('diagnostics: none published for 003 within 40 s')
    end
    for _, x in ipairs(ds) do if x.source == 'crosscheck' then diag = x; break end end
    assert(diag, 'no diagnostic with source "crosscheck": ' .. vim.inspect(ds))
    local lsp = diag.user_data and diag.user_data.lsp or {}
    diag.lsp_code = diag.code or lsp.code
    ok(('%s: %d diagnostics in 003, e.g. line %d [%s] %s'):format(tag, #ds, diag.lnum + 1, tostring(diag.lsp_code), diag.message))
  end)

  check('code action', function()
    if not caps.codeActionProvider then return skip(tag .. ': code actions: pending server feature') end
    if not diag then return skip(tag .. ': code actions: no diagnostic to act on (pending server feature)') end
    local function snapshot() -- everything under .crosscheck/, on disk and in modified buffers
      local s = {}
      for _, f in ipairs(vim.fn.globpath(WS .. '/.crosscheck', '**/*', true, true)) do
        if vim.fn.filereadable(f) == 1 then s[f] = table.concat(vim.fn.readfile(f), '\n') end
      end
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        local n = vim.api.nvim_buf_get_name(b)
        if n:find(WS .. '/.crosscheck/', 1, true) and vim.bo[b].modified then
          s[n] = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
        end
      end
      return s
    end
    local before = snapshot()
    local range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } }
    local lsp = diag.user_data and diag.user_data.lsp or {}
    local actions = request(buf, 'textDocument/codeAction', { textDocument = pos.textDocument, range = range,
      context = { diagnostics = { { range = range, message = diag.message, severity = diag.severity,
        source = diag.source, code = diag.lsp_code, data = lsp.data } } } }) or {}
    local action = actions[1]
    assert(action, 'no code action for ' .. tostring(diag.lsp_code))
    if not action.edit and not action.command and caps.codeActionProvider.resolveProvider then
      action = request(buf, 'codeAction/resolve', action)
    end
    if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
    local c = action.command
    if type(c) == 'table' then -- the server edits .crosscheck/ through workspace/applyEdit, which Neovim applies
      request(buf, 'workspace/executeCommand', { command = c.command, arguments = c.arguments })
    end
    local changed
    assert(vim.wait(5000, function()
      for f, text in pairs(snapshot()) do if before[f] ~= text then changed = f; return true end end
    end, 50), 'nothing under .crosscheck/ changed after "' .. action.title .. '"')
    vim.cmd('silent wall') -- as the user would; the edit must then be on disk
    assert(vim.fn.filereadable(changed) == 1 and table.concat(vim.fn.readfile(changed), '\n') ~= before[changed],
      changed .. ' unchanged on disk after :wall')
    ok(('%s: code action "%s" changed %s (saved with :wall)'):format(tag, action.title, changed:sub(#WS + 2)))
  end)

  check('entities', function()
    if not caps.workspaceSymbolProvider then return skip(tag .. ': :CrosscheckEntities: pending server feature') end
    vim.cmd('CrosscheckEntities')
    local qf
    assert(vim.wait(10000, function() qf = vim.fn.getqflist(); return #qf > 0 end, 20), 'empty quickfix list')
    local names = {}
    for _, e in ipairs(qf) do table.insert(names, e.text) end
    assert(table.concat(names, '|'):find('Stoltenberg', 1, true), 'no Stoltenberg entity: ' .. table.concat(names, '|'))
    ok(tag .. ': :CrosscheckEntities lists ' .. #qf .. ' entities incl. Stoltenberg')
    vim.cmd('cclose')
  end)

  check('code lens', function()
    if not caps.codeLensProvider then return skip(tag .. ': code lenses: pending server feature') end
    local lenses
    assert(vim.wait(10000, function() lenses = vim.lsp.codelens.get(buf); return #lenses > 0 end, 50),
      'no code lenses shown (the plugin refreshes them on attach)')
    local c = lenses[1].command
    ok(('%s: %d code lens(es), e.g. "%s"'):format(tag, #lenses, c and c.title or '?'))
  end)

  check('exec', function()
    local p = caps.executeCommandProvider
    if not (p and p.commands and #p.commands > 0) then return skip(tag .. ': :CrosscheckExec: server offers no commands yet (pending server feature)') end
    local comp = vim.fn.getcompletion('CrosscheckExec ', 'cmdline')
    for _, c in ipairs(p.commands) do assert(vim.tbl_contains(comp, c), 'completion lacks ' .. c .. ': ' .. vim.inspect(comp)) end
    ok(tag .. ': :CrosscheckExec completes the server commands: ' .. table.concat(comp, ', '))
  end)

  check('markdown', function()
    -- a Markdown note next to the articles gets the same client (one per root)
    local md = WS .. '/zz-editor-test-note.md'
    vim.fn.writefile({ '# Note', '', 'Jens Stoltenberg spoke in Brussels.' }, md)
    vim.cmd('edit ' .. vim.fn.fnameescape(md))
    local mb = vim.api.nvim_get_current_buf()
    local okw = vim.wait(10000, function() return #cc.clients(mb) > 0 end, 20)
    local same = okw and cc.clients(mb)[1].id == client.id
    vim.cmd('bwipeout! ' .. mb)
    vim.fn.delete(md)
    assert(vim.bo.filetype ~= nil and okw, 'no client attached to the markdown buffer')
    assert(same, 'markdown buffer got a different client')
    ok(tag .. ': markdown buffer in the same root attached to the same client')
  end)

  check('checkhealth', function()
    vim.cmd('silent checkhealth crosscheck') -- silent: its "Running healthchecks..." echo lands on stdout
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    vim.cmd('bwipeout!')
    for _, want in ipairs({ 'binary: ' .. vim.fn.exepath(os.getenv('CROSSCHECK_PATH')), 'version: crosscheck ', 'root detected' }) do
      assert(text:find(want, 1, true), ':checkhealth lacks "' .. want .. '":\n' .. text)
    end
    assert(not text:find('ERROR'), ':checkhealth reports an error:\n' .. text)
    ok(tag .. ': :checkhealth crosscheck reports binary, version and root')
  end)

  check('restart', function()
    local old = client.id
    vim.cmd('CrosscheckRestart')
    assert(vim.wait(15000, function()
      local c = cc.clients(buf)[1]
      return c ~= nil and c.id ~= old and c.initialized ~= false
    end, 20), 'no new client after :CrosscheckRestart')
    ok(tag .. ': :CrosscheckRestart started a new client and re-attached the buffer')
  end)
end

local function main_failure()
  vim.cmd('edit ' .. vim.fn.fnameescape(file('003_')))
  local want = MODE == 'missing' and { 'not found', 'cargo install', 'CROSSCHECK_PATH' } or { 'stopped unexpectedly', 'exit code 3', ':CrosscheckRestart' }
  check(MODE, function()
    local text
    assert(vim.wait(15000, function()
      for _, n in ipairs(notes) do
        if n.msg:find('crosscheck', 1, true) and n.level == vim.log.levels.ERROR then text = n.msg; return true end
      end
    end, 20), 'no error message; notes: ' .. vim.inspect(notes))
    for _, w in ipairs(want) do assert(text:find(w, 1, true), 'message lacks "' .. w .. '": ' .. text) end
    ok(('%s: %s server -> readable error: "%s"'):format(tag, MODE, text:sub(1, 110)))
  end)
end

-- WS has no .crosscheck/ here: the plugin must leave the file alone unless told where the root is
local function main_roots()
  local f = file('003_')
  vim.cmd('edit ' .. vim.fn.fnameescape(f))
  local buf = vim.api.nvim_get_current_buf()
  check('no root', function()
    assert(vim.fn.isdirectory(WS .. '/.crosscheck') == 0, 'fixture: WS must not have .crosscheck/')
    vim.wait(1500, function() return #cc.clients(buf) > 0 end, 20)
    assert(#cc.clients(buf) == 0, 'a client attached without any root marker')
    assert(cc.find_root(f) == nil, 'find_root found ' .. tostring(cc.find_root(f)))
    ok(tag .. ': no .crosscheck/ above the file: no client started')
  end)
  check('root_dir', function()
    cc.config.root_dir = function(name) return vim.fn.fnamemodify(name, ':h') end
    assert(cc.find_root(f) == WS, 'root_dir function ignored: ' .. tostring(cc.find_root(f)))
    cc.config.root_dir = nil
    cc.config.root_markers = { '003_3663e15cae1edaa2.txt' }
    assert(cc.find_root(f) == WS, 'root_markers ignored: ' .. tostring(cc.find_root(f)))
    cc.config.root_markers = { '.crosscheck' }
    ok(tag .. ': root_dir (function) and root_markers (a file name) decide the root')
  end)
  check('fallback_root', function()
    cc.config.fallback_root = WS
    vim.cmd('CrosscheckRestart') -- re-runs the start logic for open buffers with the new options
    assert(vim.wait(15000, function() return #cc.clients(buf) > 0 end, 20), 'no client with fallback_root')
    local root = cc.clients(buf)[1].config.root_dir
    assert(root == WS, 'root ' .. tostring(root))
    ok(tag .. ': fallback_root attaches the file, root = ' .. vim.fn.fnamemodify(root, ':t'))
  end)
end

local mains = { full = main_full, roots = main_roots }
local okm, e = xpcall(mains[MODE] or main_failure, debug.traceback)
if not okm then failed = failed + 1; say('not ok - ' .. tostring(e)) end
finish()
