;;; check.el --- a headless check that Emacs, Eglot and soplint's server talk  -*- lexical-binding: t; -*-

;; Loads soplint-eglot.el, opens the file, connects Eglot as `eglot-ensure' would, waits for
;; the diagnostics Flymake shows, prints them and quits (exit code 1 when none arrive):
;;
;;   emacs --batch -l editors/emacs/check.el statement.md
;;
;; soplint must be on PATH. Emacs 28 has no Markdown mode of its own: without the
;; markdown-mode package, .md files get a minimal one defined here, so that the check needs
;; nothing beyond Debian's emacs-nox and elpa-eglot.

;;; Code:

(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)
(load (expand-file-name "soplint-eglot.el" (file-name-directory load-file-name)) nil t)

(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown")
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode)))

(defun soplint-check--out (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(defun soplint-check--position (pos)
  (save-excursion
    (goto-char pos)
    (format "%d:%d" (line-number-at-pos) (1+ (current-column)))))

(let* ((file (expand-file-name (car command-line-args-left)))
       (eglot-sync-connect t)
       (eglot-connect-timeout 30)
       (buffer (find-file-noselect file)))
  (setq command-line-args-left nil)
  (with-current-buffer buffer
    ;; `eglot-ensure' waits for the next command, which never comes in batch mode: connect now.
    (unless (eglot-managed-p)
      (apply #'eglot (eglot--guess-contact)))
    (soplint-check--out "mode: %s, language: %s" major-mode
                        (or (ignore-errors (eglot--language-id (eglot-current-server))) "?"))
    (let ((deadline (+ (float-time) 30)))
      ;; Flymake asks Eglot for what the server published when it starts a check, which idle
      ;; timers do in an editor and nothing does in batch mode.
      (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
        (accept-process-output nil 0.2)
        (flymake-start)))
    (let ((diagnostics (sort (flymake-diagnostics)
                             (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
      (soplint-check--out "diagnostics: %d" (length diagnostics))
      (dolist (d diagnostics)
        (soplint-check--out "  %s-%s %s %s"
                            (soplint-check--position (flymake-diagnostic-beg d))
                            (soplint-check--position (flymake-diagnostic-end d))
                            (flymake-diagnostic-type d)
                            (flymake-diagnostic-text d)))
      (ignore-errors (eglot-shutdown (eglot-current-server)))
      (kill-emacs (if diagnostics 0 1)))))

;;; check.el ends here
