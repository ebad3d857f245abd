;;; check.el --- a headless check of soplint-eglot.el  -*- lexical-binding: t; -*-

;; Opens a file with the shipped set-up (soplint-eglot.el, beside this file), waits for the
;; diagnostics Eglot receives from soplint, prints them with the buffer's major mode and the
;; language id Eglot sent, and exits (status 1 when the server did not start). soplint must be
;; on PATH, as for the set-up itself:
;;
;;   emacs --batch -l editors/emacs/check.el statement.tex
;;
;; Tested with Emacs 28.2 and Eglot 1.9.

;;; Code:

(setq inhibit-message nil)
(load (expand-file-name "soplint-eglot.el" (file-name-directory load-file-name)))

(defun soplint-check--print (line)
  (princ (concat line "\n") #'external-debugging-output))

(defun soplint-check--diagnostics ()
  (sort (mapcar (lambda (d)
                  (let ((beg (flymake-diagnostic-beg d)))
                    (format "  %d:%d %s %s"
                            (line-number-at-pos beg)
                            (save-excursion (goto-char beg) (1+ (current-column)))
                            (flymake-diagnostic-type d)
                            (flymake-diagnostic-text d))))
                (flymake-diagnostics))
        #'string<))

(let* ((file (car command-line-args-left))
       (buffer (find-file-noselect file)))
  (setq command-line-args-left nil)
  (with-current-buffer buffer
    ;; eglot-ensure waits for the first command to finish; in batch mode there is none.
    (run-hooks 'post-command-hook)
    (let ((deadline (+ (float-time) 20)))
      (while (and (< (float-time) deadline)
                  (not (and (eglot-current-server) (flymake-diagnostics))))
        (accept-process-output nil 0.1)
        ;; Flymake asks Eglot for what the server sent when Emacs is idle, which it never is here.
        (when (bound-and-true-p flymake-mode) (flymake-start))))
    (soplint-check--print (format "mode: %s" major-mode))
    (unless (eglot-current-server)
      (soplint-check--print "the soplint server did not start")
      (kill-emacs 1))
    (soplint-check--print (format "language: %s" (eglot--language-id (eglot-current-server))))
    (let ((lines (soplint-check--diagnostics)))
      (soplint-check--print (format "diagnostics: %d" (length lines)))
      (dolist (line lines) (soplint-check--print line)))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs 0)))

;;; check.el ends here
