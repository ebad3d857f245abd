;;; soplint-eglot.el --- soplint's language server in Eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file (Emacs 29 or later, or Eglot from GNU ELPA):
;;   (load "/path/to/soplint/editors/emacs/soplint-eglot.el")
;; soplint must be on your PATH (npm install -g soplint) or in exec-path.

;;; Code:

(require 'eglot)

;; soplint lints the language ids `markdown' and `plaintext'; Eglot would otherwise derive
;; `gfm' and `text' from the mode names.
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (text-mode :language-id "plaintext"))
               . ("soplint" "lsp" "--stdio")))

;; Start soplint in Markdown buffers and in plain `text-mode' ones (not in every mode derived
;; from text-mode, such as Org).
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))

;; Editor settings, the same keys as a config file (they override it, as CLI flags do), go
;; in `eglot-workspace-configuration', globally or per project in .dir-locals.el:
;;   ((nil . ((eglot-workspace-configuration
;;             . (:soplint (:preset "cover-letter" :rules (:hedge "off")))))))

(provide 'soplint-eglot)
;;; soplint-eglot.el ends here
