;;; crosscheck.el --- use the crosscheck language server through eglot  -*- lexical-binding: t -*-
;; Works with Emacs 28 + eglot 1.9 (Debian's elpa-eglot) and Emacs 29+ (eglot built in).
;; Load it from your init file:  (load "/path/to/editors/emacs/crosscheck.el")
;; Text and Markdown buffers under a folder that has .crosscheck/ then start eglot by themselves.
(require 'eglot)
(require 'project)

(defgroup crosscheck nil "Crosscheck language server." :group 'tools)

(defcustom crosscheck-program (or (getenv "CROSSCHECK_PATH") "crosscheck")
  "The crosscheck binary: a name looked up on `exec-path', or a full path."
  :type 'string)

(defvar crosscheck-status nil "Last `crosscheck/status' notification, as a plist.")

(defun crosscheck-project-find (dir)
  "A folder with .crosscheck/ is a project even without version control, so eglot gets the right root."
  (let ((root (locate-dominating-file dir ".crosscheck")))
    (and root (cons 'transient (expand-file-name root)))))

(add-hook 'project-find-functions #'crosscheck-project-find)

(add-to-list 'eglot-server-programs
             `((text-mode markdown-mode gfm-mode) . ,(lambda (&rest _) (list crosscheck-program "lsp"))))

(defun crosscheck-maybe-start ()
  "Start eglot in crosscheck projects only, so ordinary text files stay untouched."
  (when (and buffer-file-name (locate-dominating-file buffer-file-name ".crosscheck"))
    (if (executable-find crosscheck-program)
        (eglot-ensure)
      (message "crosscheck: server binary %S not found; install it (cargo install --path server) or set `crosscheck-program'"
               crosscheck-program))))

(add-hook 'text-mode-hook #'crosscheck-maybe-start)

(cl-defmethod eglot-handle-notification (_server (_method (eql crosscheck/status)) &rest params)
  "Keep the server's indexing state for the mode line (see `crosscheck-status')."
  (setq crosscheck-status params)
  (force-mode-line-update t))

(provide 'crosscheck)
;;; crosscheck.el ends here
