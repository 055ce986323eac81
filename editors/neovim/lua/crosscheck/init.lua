-- crosscheck.nvim: thin client for the `crosscheck` language server (Neovim 0.7.2 .. 0.11.x).
-- The server does all the work; this file finds the binary and the project root, starts or reuses
-- one client per root, and adds commands, highlight links and a status value for statuslines.
local M = {}

local NAME = 'crosscheck'
local TOKEN_LINKS = { -- semantic token type -> default highlight group (users override with :hi)
  person = 'Function', organization = 'Type', location = 'Constant',
  date = 'Special', money = 'Number', quantity = 'Number',
}

M.config = {
  cmd = nil,                        -- full argv; default { <binary>, 'lsp' }
  path = nil,                       -- binary; default $CROSSCHECK_PATH, then `crosscheck` on PATH
  filetypes = { 'text', 'markdown' },
  root_markers = { '.crosscheck' }, -- a folder holding one of these is a crosscheck project
  root_dir = nil,                   -- string, or function(filename) -> root or nil
  fallback_root = nil,              -- used when no marker is found (nil: don't attach)
  settings = { maxFileSize = 10485760, rules = vim.empty_dict() }, -- sent as initializationOptions too
  on_attach = nil,
}
M.status = nil -- last `crosscheck/status` params; see M.statusline()

local function notify(msg, level)
  vim.notify('crosscheck: ' .. msg, level or vim.log.levels.INFO)
end

--- Binary and where it came from, or nil and a message that says how to fix it.
function M.binary()
  local c = M.config
  if c.cmd then return c.cmd[1], 'setup{cmd}' end
  local candidates = { { c.path, 'setup{path}' }, { os.getenv('CROSSCHECK_PATH'), '$CROSSCHECK_PATH' } }
  for _, cand in ipairs(candidates) do
    if cand[1] and cand[1] ~= '' then
      if vim.fn.executable(cand[1]) == 1 then return vim.fn.exepath(cand[1]), cand[2] end
      return nil, ('%s is %s, which is not an executable file; fix it or unset it'):format(cand[2], cand[1])
    end
  end
  if vim.fn.executable('crosscheck') == 1 then return vim.fn.exepath('crosscheck'), 'PATH' end
  return nil, 'the language server binary "crosscheck" was not found on PATH. Fix: install it '
    .. '(from the crosscheck repository: cargo install --path server), or call '
    .. "require('crosscheck').setup{ path = '/full/path/to/crosscheck' }, or set $CROSSCHECK_PATH"
end

local function cmd()
  if M.config.cmd then return M.config.cmd end
  local bin = M.binary()
  return bin and { bin, 'lsp' }
end

local function is_dir_or_file(p) return vim.fn.isdirectory(p) == 1 or vim.fn.filereadable(p) == 1 end

--- Project root for a file name: root_dir option, then nearest folder with a root marker, then fallback_root.
function M.find_root(fname)
  local c = M.config
  if type(c.root_dir) == 'function' then
    local r = c.root_dir(fname)
    if r then return r end
  elseif type(c.root_dir) == 'string' then
    return (vim.fn.fnamemodify(c.root_dir, ':p'):gsub('/$', ''))
  end
  -- own upward walk: vim.fs.find only exists from 0.8
  local dir = vim.fn.fnamemodify(fname, ':p:h')
  while true do
    for _, marker in ipairs(c.root_markers) do
      if is_dir_or_file(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  if c.fallback_root then return (vim.fn.fnamemodify(c.fallback_root, ':p'):gsub('/$', '')) end
  return nil
end

local handlers = {
  ['crosscheck/status'] = function(_, params)
    M.status = params
    vim.g.crosscheck_status = M.statusline()
    vim.api.nvim_exec_autocmds('User', { pattern = 'CrosscheckStatus', modeline = false })
  end,
}

function M.statusline()
  local s = M.status
  if not s then return '' end
  if s.state == 'ready' then return ('crosscheck: %d entities'):format(s.entities or 0) end
  if s.state == 'indexing' then return ('crosscheck: indexing %d files'):format(s.files or 0) end
  return 'crosscheck: error ' .. (s.message or '')
end

-- Neovim's own exit message is generic and easy to miss; say what happened and what to do next.
local function on_exit(code, signal)
  if code == 0 and (signal == 0 or signal == 15) then return end
  vim.schedule(function()
    notify(('the language server stopped unexpectedly (exit code %s, signal %s). Its error output is in '
      .. 'the LSP log (%s). Fix the problem, then run :CrosscheckRestart.'):format(code, signal,
      vim.lsp.get_log_path()), vim.log.levels.ERROR)
  end)
end

-- Neovim shows code lenses only when asked to refresh them; do it where the text settles.
local function refresh_codelens(bufnr)
  if vim.fn.has('nvim-0.9') == 1 then return vim.lsp.codelens.refresh({ bufnr = bufnr }) end
  -- 0.7/0.8 raise "Invalid buffer id" when the answer arrives after the buffer was wiped
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
  vim.lsp.buf_request(bufnr, 'textDocument/codeLens', params, function(err, result, ctx, cfg)
    if vim.api.nvim_buf_is_valid(ctx.bufnr) then vim.lsp.codelens.on_codelens(err, result, ctx, cfg) end
  end)
end

local function on_attach(client, bufnr)
  local caps = client.server_capabilities or {}
  if caps.codeLensProvider then
    refresh_codelens(bufnr)
    vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
      group = vim.api.nvim_create_augroup('crosscheck_codelens_' .. bufnr, { clear = true }),
      buffer = bufnr, callback = function() refresh_codelens(bufnr) end,
    })
  end
  if M.config.on_attach then M.config.on_attach(client, bufnr) end
end

local function client_config(root)
  local c = M.config
  return {
    name = NAME, cmd = cmd(), root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = c.settings, settings = c.settings, handlers = handlers, on_attach = on_attach,
    on_exit = on_exit,
  }
end

local warned_missing = false
local function check_binary()
  if cmd() then return true end
  if not warned_missing then
    warned_missing = true
    local _, why = M.binary()
    notify(why, vim.log.levels.ERROR)
  end
  return false
end

local function clients(filter)
  if vim.lsp.get_clients then return vim.lsp.get_clients(filter) end
  local out = {}
  for _, cl in pairs(filter.bufnr and vim.lsp.buf_get_clients(filter.bufnr) or vim.lsp.get_active_clients()) do
    if not filter.name or cl.name == filter.name then table.insert(out, cl) end
  end
  return out
end
M.clients = function(bufnr) return clients({ name = NAME, bufnr = bufnr }) end

-- Start or reuse the client for one buffer: vim.lsp.start on 0.8+ (it reuses by name + root),
-- start_client + buf_attach_client on 0.7 (one client per root, reused across buffers).
local started = {} -- root -> client id
local function start_for_buffer(bufnr)
  if vim.lsp.config and vim.lsp.config[NAME] then -- 0.11: same config vim.lsp.enable uses
    local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
    if not root or not check_binary() then return end
    local cfg = vim.deepcopy(vim.lsp.config[NAME])
    cfg.root_dir = root
    return vim.lsp.start(cfg, { bufnr = bufnr })
  end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == '' then return end
  local root = M.find_root(fname)
  if not root or not check_binary() then return end
  local cfg = client_config(root)
  local id = started[root]
  if not id or vim.lsp.client_is_stopped(id) then
    if vim.lsp.start then
      vim.lsp.start(cfg, { bufnr = bufnr }) -- 0.8-0.10: reuses by name + root itself
      return
    end
    id = vim.lsp.start_client(cfg)
    started[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

--- Start or reuse the client for a buffer (FileType does this by itself; for restarts and scripts).
function M.attach(bufnr) return start_for_buffer(bufnr or vim.api.nvim_get_current_buf()) end

local function setup_highlights()
  if vim.fn.has('nvim-0.9') == 0 then return end -- no built-in semantic tokens before 0.9
  for ty, group in pairs(TOKEN_LINKS) do
    vim.api.nvim_set_hl(0, '@lsp.type.' .. ty, { link = group, default = true })
  end
end

local function restart()
  local old = M.clients()
  for _, cl in ipairs(old) do vim.lsp.stop_client(cl.id) end
  started = {}
  warned_missing = false
  vim.wait(3000, function()
    for _, cl in ipairs(old) do if not vim.lsp.client_is_stopped(cl.id) then return false end end
    return true
  end, 20)
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.config.filetypes, vim.bo[b].filetype) then
      M.attach(b)
    end
  end
end

local function server_commands()
  local names = {}
  for _, cl in ipairs(M.clients()) do
    local p = cl.server_capabilities and cl.server_capabilities.executeCommandProvider
    for _, n in ipairs(p and p.commands or {}) do table.insert(names, n) end
  end
  return names
end

--- Run a server command by name; extra args are JSON values (or plain strings).
function M.exec(name, args)
  local cl = M.clients(vim.api.nvim_get_current_buf())[1] or M.clients()[1]
  if not cl then return notify('no running crosscheck client', vim.log.levels.WARN) end
  local function done(err)
    if err then notify(name .. ': ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR) end
  end
  local params = { command = name, arguments = args }
  -- 0.11 deprecates dot-calls on client objects; 0.7-0.10 only have them
  if vim.fn.has('nvim-0.11') == 1 then cl:request('workspace/executeCommand', params, done)
  else cl.request('workspace/executeCommand', params, done) end
end

function M.info()
  local bin, src = M.binary()
  local lines = { 'binary: ' .. (bin and (bin .. ' (from ' .. src .. ')') or ('NOT FOUND: ' .. src)) }
  local fname = vim.api.nvim_buf_get_name(0)
  table.insert(lines, 'root for this buffer: ' .. (fname ~= '' and (M.find_root(fname) or 'none (no ' ..
    table.concat(M.config.root_markers, '/') .. ' above it)') or 'n/a'))
  for _, cl in ipairs(M.clients()) do
    table.insert(lines, ('client %d: root %s, %s'):format(cl.id, cl.config.root_dir or '?',
      vim.lsp.client_is_stopped(cl.id) and 'stopped' or 'running'))
  end
  table.insert(lines, 'status: ' .. (M.status and M.statusline() or 'none received'))
  return lines
end

local function create_commands()
  local cmd_ = vim.api.nvim_create_user_command
  cmd_('CrosscheckRestart', restart, { desc = 'Restart the crosscheck language server' })
  cmd_('CrosscheckEntities', function(o) vim.lsp.buf.workspace_symbol(o.args) end,
    { nargs = '?', desc = 'List entities (workspace symbols) in the quickfix list' })
  cmd_('CrosscheckInfo', function() print(table.concat(M.info(), '\n')) end, { desc = 'Show crosscheck client state' })
  cmd_('CrosscheckExec', function(o)
    local args = {}
    for i = 2, #o.fargs do
      local okj, v = pcall(vim.fn.json_decode, o.fargs[i])
      table.insert(args, okj and v or o.fargs[i])
    end
    M.exec(o.fargs[1], args)
  end, { nargs = '+', complete = function() return server_commands() end,
    desc = 'Run a crosscheck server command by name: :CrosscheckExec {command} [json args...]' })
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  create_commands()
  setup_highlights()
  local group = vim.api.nvim_create_augroup(NAME, { clear = true })
  vim.api.nvim_create_autocmd('ColorScheme', { group = group, callback = setup_highlights })
  if vim.lsp.config and vim.lsp.enable then
    -- 0.11+: native config; root_dir(bufnr, on_dir) lets us keep our own root rules (fallback_root)
    local cfg = client_config('/')
    cfg.root_dir = function(bufnr, on_dir)
      local root = M.find_root(vim.api.nvim_buf_get_name(bufnr))
      if root and check_binary() then on_dir(root) end
    end
    cfg.workspace_folders = nil
    cfg.filetypes = M.config.filetypes
    cfg.cmd = function(dispatchers) return vim.lsp.rpc.start(cmd(), dispatchers) end -- resolved at start
    vim.lsp.config(NAME, cfg)
    vim.lsp.enable(NAME)
  else
    vim.api.nvim_create_autocmd('FileType', {
      group = group, pattern = M.config.filetypes,
      callback = function(a) start_for_buffer(a.buf) end,
    })
  end
end

return M
