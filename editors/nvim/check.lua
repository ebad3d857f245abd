-- A headless check that Neovim and soplint's language server talk to each other through the
-- shipped set-up (setup.lua, beside this file): it opens the file, prints the diagnostics Neovim
-- receives, applies the preferred quick fix of the first finding that has one, prints the
-- diagnostics after the re-lint, and quits. Works with Neovim 0.7 and later.
--
--   nvim --headless -n -u editors/nvim/check.lua statement.md      (or .txt, .tex)
--
-- SOPLINT_CMD overrides the command (default: soplint), e.g.
--   SOPLINT_CMD="node /path/to/soplint/bin/soplint.js" nvim --headless -n -u editors/nvim/check.lua statement.md

local cmd = vim.split(os.getenv('SOPLINT_CMD') or 'soplint', ' ', {trimempty = true})
vim.list_extend(cmd, {'lsp', '--stdio'})

local function out(line) io.stdout:write(line .. '\n') end

local here = debug.getinfo(1, 'S').source:sub(2):match('(.*[/\\])') or './'
dofile(here .. 'setup.lua')({cmd = cmd})
-- -u skips the user's config, and with it filetype detection: turn it on, as an init.lua would have it.
vim.cmd('filetype on')

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function print_diagnostics(label)
  local ds = vim.diagnostic.get(0)
  table.sort(ds, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  out(string.format('%s: %d diagnostics', label, #ds))
  for _, d in ipairs(ds) do
    -- Neovim keeps byte columns; the server sent UTF-16 ones and Neovim converted them.
    out(string.format('  %d:%d-%d:%d %s [%s] %s', d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1,
      vim.diagnostic.severity[d.severity], tostring(code_of(d)), d.message))
  end
end

vim.defer_fn(function()
  vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  out('filetype: ' .. vim.bo.filetype)
  print_diagnostics('diagnostics')
  local client = (vim.lsp.get_clients or vim.lsp.get_active_clients)({name = 'soplint'})[1]
  if not client then
    out('the soplint server did not start')
    vim.cmd('cquit 1')
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    -- The server's own range (UTF-16), kept by Neovim with the diagnostic.
    local lsp = d.user_data and d.user_data.lsp
    local params = {
      textDocument = {uri = vim.uri_from_bufnr(0)},
      range = lsp and lsp.range or {
        start = {line = d.lnum, character = vim.lsp.util.character_offset(0, d.lnum, d.col, 'utf-16')},
        ['end'] = {line = d.end_lnum, character = vim.lsp.util.character_offset(0, d.end_lnum, d.end_col, 'utf-16')},
      },
      context = {diagnostics = {}, only = {'quickfix'}},
    }
    local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 5000) or {}
    for _, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        if action.isPreferred and action.edit then
          out('applying: ' .. action.title)
          local before = vim.b.changedtick
          vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
          vim.wait(5000, function() return vim.b.changedtick ~= before end, 50)
          -- Wait for the re-lint of the edited buffer.
          vim.wait(1000, function() return false end, 50)
          print_diagnostics('after the fix')
          vim.cmd('qa!')
          return
        end
      end
    end
  end
  out('no finding with a preferred quick fix')
  vim.cmd('qa!')
end, 100)
