;;; soplint-eglot.el --- soplint's language server in Eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file (Emacs 29 or later, or Eglot from GNU ELPA or Debian's
;; elpa-eglot on Emacs 28):
;;   (load "/path/to/soplint/editors/emacs/soplint-eglot.el")
;; soplint must be on your PATH (npm install -g soplint) or in exec-path.

;;; Code:

(require 'eglot)

;; soplint lints the language ids `markdown', `plaintext' and `latex'; Eglot would otherwise
;; derive `gfm', `text' and `latex' from the mode names. LaTeX has an entry of its own: Eglot
;; 1.9 (Debian 12) sends every buffer of one server entry with the entry's first language id,
;; which would have LaTeX read as Markdown; and it is added last, so that it comes first, as
;; latex-mode derives from text-mode.
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext"))
               . ("soplint" "lsp" "--stdio")))
(add-to-list 'eglot-server-programs
             '(((latex-mode :language-id "latex")
                (LaTeX-mode :language-id "latex"))
               . ("soplint" "lsp" "--stdio")))

;; Start soplint in Markdown and LaTeX buffers and in plain `text-mode' ones (not in every mode
;; derived from text-mode, such as Org).
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'latex-mode-hook #'eglot-ensure)
(add-hook 'LaTeX-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))

;; Editor settings, the same keys as a config file (they override it, as CLI flags do), go
;; in `eglot-workspace-configuration', globally or per project in .dir-locals.el:
;;   ((nil . ((eglot-workspace-configuration
;;             . (:soplint (:preset "cover-letter" :rules (:hedge "off")))))))

(provide 'soplint-eglot)
;;; soplint-eglot.el ends here
