-- soplint's language server for Neovim's built-in client.
--
-- Neovim 0.11 and later: save this file as ~/.config/nvim/lsp/soplint.lua, then in init.lua:
--   vim.lsp.enable('soplint')
-- Neovim 0.7 to 0.10 (and later too): use setup.lua beside this file instead (see docs/editors.md).
return {
  cmd = {'soplint', 'lsp', '--stdio'},
  -- Neovim names plain text `text`, and LaTeX `tex` (`plaintex` without \documentclass); soplint
  -- lints `markdown`, `text`, `plaintext`, `tex` and `latex`.
  filetypes = {'markdown', 'text', 'tex', 'plaintex'},
  get_language_id = function(_, filetype) return filetype == 'plaintex' and 'tex' or filetype end,
  -- The project root: where the config files and the accept list usually live.
  root_markers = {'.soplintrc', '.soplintrc.json', '.soplintrc.yaml', '.soplintrc.yml', '.soplintaccept', 'package.json', '.git'},
  -- Editor settings, the same keys as a config file (they override it, as CLI flags do).
  settings = {
    soplint = {
      -- preset = 'sop',
      -- rules = {hedge = 'off'},
    },
  },
}
