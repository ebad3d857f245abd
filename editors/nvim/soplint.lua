-- soplint's language server for Neovim's built-in client.
--
-- Neovim 0.11 and later: save this file as ~/.config/nvim/lsp/soplint.lua, then in init.lua:
--   vim.lsp.enable('soplint')
-- Neovim 0.8 to 0.10: see docs/editors.md (a FileType autocommand that calls vim.lsp.start).
return {
  cmd = {'soplint', 'lsp', '--stdio'},
  -- Neovim names plain text `text`; soplint lints `markdown` and `text` (and `plaintext`).
  filetypes = {'markdown', 'text'},
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
