;;; soplint-eglot.el --- soplint's language server in Eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file (Emacs 29 or later, or Emacs 28 with Eglot from GNU ELPA
;; or Debian's elpa-eglot; tested with Emacs 28.2 and Eglot 1.9):
;;   (load "/path/to/soplint/editors/emacs/soplint-eglot.el")
;; soplint must be on your PATH (see docs/editors.md: `npm install -g .' in a clone) or in
;; exec-path.

;;; Code:

(require 'eglot)

;; soplint lints the language ids `markdown', `plaintext' and `latex'; Eglot would otherwise
;; derive `gfm', `text' and `latex' from the mode names.
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext"))
               . ("soplint" "lsp" "--stdio")))

;; LaTeX has a server entry of its own: Eglot 1.9 sends every buffer of one entry with the
;; entry's first language id, which would make a .tex buffer Markdown. Added last, it is
;; looked up first, before text-mode (from which the TeX modes derive).
(add-to-list 'eglot-server-programs
             '(((latex-mode :language-id "latex")
                (LaTeX-mode :language-id "latex")
                (tex-mode :language-id "latex")
                (plain-tex-mode :language-id "latex")
                (plain-TeX-mode :language-id "latex"))
               . ("soplint" "lsp" "--stdio")))

;; Start soplint in Markdown buffers, in plain `text-mode' ones (not in every mode derived from
;; text-mode, such as Org), and in LaTeX buffers (Emacs's own modes and AUCTeX's).
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))
(add-hook 'tex-mode-hook #'eglot-ensure)
(add-hook 'TeX-mode-hook #'eglot-ensure)

;; Editor settings, the same keys as a config file (they override it, as CLI flags do), go
;; in `eglot-workspace-configuration', globally or per project in .dir-locals.el:
;;   ((nil . ((eglot-workspace-configuration
;;             . (:soplint (:preset "cover-letter" :rules (:hedge "off")))))))

(provide 'soplint-eglot)
;;; soplint-eglot.el ends here
