-- soplint's language server for Neovim 0.7 and later, with the built-in client: Markdown, plain
-- text and LaTeX buffers. Tested with Neovim 0.7.2 (Debian 12); on 0.11 and later you may use
-- soplint.lua with vim.lsp.enable instead (see docs/editors.md).
--
-- In init.lua:
--   dofile('/path/to/soplint/editors/nvim/setup.lua')()
-- or, with options (all optional):
--   dofile('/path/to/soplint/editors/nvim/setup.lua')({
--     cmd = {'npx', 'soplint', 'lsp', '--stdio'},      -- default: soplint from your PATH
--     settings = {soplint = {preset = 'cover-letter'}}, -- the same keys as a config file
--   })

-- Neovim names plain text `text` and LaTeX `tex` (or `plaintex` for a file without
-- \documentclass); the server reads `markdown`, `text`, `plaintext`, `tex` and `latex`.
local filetypes = {'markdown', 'text', 'tex', 'plaintex'}
-- The project root: where the config files and the accept list usually live.
local markers = {'.soplintrc', '.soplintrc.json', '.soplintrc.yaml', '.soplintrc.yml', '.soplintaccept', 'package.json', '.git'}

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      -- vim.loop rather than vim.fs, which Neovim 0.7 does not have.
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then return start end
    dir = parent
  end
end

return function(opts)
  opts = opts or {}
  local cmd = opts.cmd or {'soplint', 'lsp', '--stdio'}
  local settings = opts.settings or {soplint = {}}
  -- One server per project root; Neovim 0.8 and later reuse it themselves (vim.lsp.start).
  local started = {}
  vim.api.nvim_create_autocmd('FileType', {
    pattern = filetypes,
    callback = function(args)
      local root = root_dir(args.buf)
      local config = {
        name = 'soplint',
        cmd = cmd,
        root_dir = root,
        settings = settings,
        get_language_id = function(_, filetype) return filetype == 'plaintex' and 'tex' or filetype end,
      }
      if vim.lsp.start then
        vim.lsp.start(config, {bufnr = args.buf})
        return
      end
      local id = started[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client(config)
        started[root] = id
      end
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end,
  })
end
