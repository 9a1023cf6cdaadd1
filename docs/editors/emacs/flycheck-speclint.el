;;; flycheck-speclint.el --- Flycheck checker for speclint  -*- lexical-binding: t; -*-

;; Put this file on your `load-path' and add to your init file:
;;   (with-eval-after-load 'flycheck (require 'flycheck-speclint))
;; speclint then checks Markdown buffers (markdown-mode, gfm-mode) as you type: it lints the
;; buffer from standard input with the configuration of the file the buffer visits.

;;; Code:

(require 'flycheck)

(flycheck-define-checker speclint
  "A linter for Markdown specifications: PRDs, design docs, RFCs, spec-kit and EARS specs, ADRs.

speclint prints one finding per line: `path:line:col: level rule-id message'."
  :command ("speclint" "check" "--format" "concise" "--stdin-filename" source-original "-")
  :standard-input t
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error "
          (id (one-or-more (not (any " ")))) " " (message) line-end)
   (warning line-start (file-name) ":" line ":" column ": warning "
            (id (one-or-more (not (any " ")))) " " (message) line-end)
   (info line-start (file-name) ":" line ":" column ": info "
         (id (one-or-more (not (any " ")))) " " (message) line-end))
  :modes (markdown-mode gfm-mode))

(add-to-list 'flycheck-checkers 'speclint)

(provide 'flycheck-speclint)
;;; flycheck-speclint.el ends here
