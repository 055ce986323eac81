-- :checkhealth crosscheck  (vim.health.* from 0.9, the `health` module's report_* on 0.7/0.8)
local M = {}

function M.check()
  local h = vim.health or {}
  if not h.start then h = require('health') end
  local start, ok, warn, err = h.start or h.report_start, h.ok or h.report_ok, h.warn or h.report_warn,
    h.error or h.report_error
  local cc = require('crosscheck')
  start('crosscheck')
  local bin, src = cc.binary()
  if not bin then
    err(src)
  else
    ok(('binary: %s (from %s)'):format(bin, src))
    local out = vim.fn.system({ bin, '--version' })
    if vim.v.shell_error == 0 and out:match('^crosscheck %d+%.%d+%.%d+') then
      ok('version: ' .. vim.trim(out))
    else
      err(('`%s --version` failed or printed something unexpected: %s'):format(bin, vim.trim(out)))
    end
  end
  local fname = vim.api.nvim_buf_get_name(0)
  local root = fname ~= '' and cc.find_root(fname) or cc.find_root(vim.fn.getcwd() .. '/x')
  if root then
    ok('root detected: ' .. root)
  else
    warn('no root detected for ' .. (fname ~= '' and fname or vim.fn.getcwd()) .. ': create a .crosscheck/ '
      .. 'folder in the project (or set root_markers, root_dir or fallback_root in setup())')
  end
  local n = #cc.clients()
  if n > 0 then ok(n .. ' crosscheck client(s) running') else warn('no crosscheck client running') end
end

return M
