;;; test-eglot.el --- headless test of editors/emacs/crosscheck.el with eglot  -*- lexical-binding: t -*-
;; emacs --batch -l editors/tests/emacs/test-eglot.el   (no -Q on Debian: site-start puts elpa-eglot on load-path)
;; Env: CROSSCHECK_PATH server binary; WS workspace (a copy of examples/nato-ukraine with its own
;;      .crosscheck/); the article is opened first and cross-file questions asked at once, as a user would;
;;      CAPS file with the server's capabilities (probe_caps.py), to skip features it lacks.
;;      MODE=missing  no binary anywhere: opening an article must say so, and not start eglot.
(require 'cl-lib)
(require 'json)
(defvar cc-here (file-name-directory (expand-file-name load-file-name)))
(load (expand-file-name "../../emacs/crosscheck.el" cc-here) nil t)
(require 'flymake)
(require 'xref)

(defvar cc-ws (file-name-as-directory (getenv "WS")))
(defvar cc-caps (let ((f (getenv "CAPS")))
                  (if (and f (file-readable-p f)) (json-read-file f) '((hoverProvider . t) (definitionProvider . t)))))
(defvar cc-passed 0) (defvar cc-failed 0) (defvar cc-skipped 0)
(defvar cc-tag (format "emacs %s/eglot" emacs-version))
(defun cc-ok (fmt &rest a) (setq cc-passed (1+ cc-passed)) (princ (format "ok - %s: %s\n" cc-tag (apply #'format fmt a))))
(defun cc-skip (fmt &rest a) (setq cc-skipped (1+ cc-skipped)) (princ (format "skip - %s: %s\n" cc-tag (apply #'format fmt a))))
(defun cc-cap (k) (let ((v (alist-get k cc-caps))) (and v (not (eq v :json-false)))))
(defmacro cc-check (name &rest body)
  `(condition-case err (progn ,@body)
     (error (setq cc-failed (1+ cc-failed)) (princ (format "not ok - %s: %s: %S\n" cc-tag ,name err)))))
(defun cc-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline)) (accept-process-output nil 0.05))
    (funcall pred)))
(defun cc-finish ()
  (princ (format "%d passed, %d failed, %d skipped\n" cc-passed cc-failed cc-skipped))
  (kill-emacs (if (> cc-failed 0) 1 0)))

(when (equal (getenv "MODE") "missing")
  (condition-case err
      (progn
        (find-file (car (file-expand-wildcards (concat cc-ws "003_*.txt"))))
        (run-hooks 'post-command-hook)
        (let ((msgs (with-current-buffer "*Messages*" (buffer-string))))
          (when (eglot-current-server) (error "eglot started without a binary"))
          (unless (string-match "crosscheck: server binary .* not found.*" msgs) (error "no message; *Messages*: %s" msgs))
          (cc-ok "missing server -> readable message: \"%s\"" (match-string 0 msgs))))
    (error (setq cc-failed (1+ cc-failed)) (princ (format "not ok - %s: missing: %S\n" cc-tag err))))
  (cc-finish))

(condition-case err
    (let ((file (car (file-expand-wildcards (concat cc-ws "003_*.txt")))) server)
      ;; a missing binary would kill batch Emacs 28 with SIGPIPE and no message: check first
      (unless (executable-find crosscheck-program) (error "server not found: %s" crosscheck-program))
      (find-file file)                    ; text-mode-hook -> crosscheck-maybe-start -> eglot-ensure
      (run-hooks 'post-command-hook)      ; eglot-ensure defers to the command loop, which batch lacks
      (cc-check "connect"
        (unless (cc-wait (lambda () (eglot-current-server)) 15) (error "eglot did not start"))
        (setq server (eglot-current-server))
        (let ((root (project-root (eglot--project server))))
          (unless (equal (file-name-as-directory (expand-file-name root)) (expand-file-name cc-ws))
            (error "project root %s" root))
          (cc-ok "crosscheck.el started eglot for %s, root = the .crosscheck/ folder's parent"
                 (file-name-nondirectory file))))
      (unless server (cc-finish))
      (goto-char (point-min))
      (search-forward "Thus, Stoltenberg")
      (backward-char 5)                   ; inside "Stoltenberg"
      (cc-check "semantic tokens"
        (cc-skip "semantic tokens: this eglot does not support them (no colouring in Emacs)"))
      (cc-check "hover"
        (if (not (cc-cap 'hoverProvider)) (cc-skip "hover: pending server feature")
          (let* ((h (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                 (c (plist-get h :contents))
                 (v (if (stringp c) c (or (plist-get c :value) (format "%S" c)))))
            (unless (string-match-p "Jens Stoltenberg" v) (error "hover %S" v))
            (cc-ok "hover on \"Stoltenberg\" shows \"Jens Stoltenberg\""))))
      (cc-check "definition"
        (if (not (cc-cap 'definitionProvider)) (cc-skip "definition: pending server feature")
          (let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
                 (f (and xrefs (xref-location-group (xref-item-location (car xrefs))))))
            (unless (and f (not (string= (file-name-nondirectory f) (file-name-nondirectory file))))
              (error "definition %S" xrefs))
            (cc-ok "M-. (xref) from 003 lands in %s line %s" (file-name-nondirectory f)
                   (xref-location-line (xref-item-location (car xrefs)))))))
      (cc-check "references"
        (if (not (cc-cap 'referencesProvider)) (cc-skip "references: pending server feature")
          (let* ((xrefs (xref-backend-references 'eglot (xref-backend-identifier-at-point 'eglot)))
                 (files (delete-dups (mapcar (lambda (x) (xref-location-group (xref-item-location x))) xrefs))))
            ;; all in 003 was the bug of a buffer analysed apart from the folder's knowledge base
            (unless (and (> (length xrefs) 1) (> (length files) 2)) (error "references %S" xrefs))
            (cc-ok "M-? (xref) finds %d references in %d files" (length xrefs) (length files)))))
      ;; hover, definition and references were asked at once, as an editor does (the file is open,
      ;; then the server starts): the server waits for its index. Now the status it reports after.
      (cc-check "status"
        (if (not (cc-wait (lambda () (equal (plist-get crosscheck-status :state) "ready")) 30))
            (if crosscheck-status (error "status never ready: %S" crosscheck-status)
              (cc-skip "crosscheck/status: none received (pending server feature)"))
          (cc-ok "crosscheck/status handled: %S" crosscheck-status)))
      (let (diag)
        (cc-check "diagnostics"
          (flymake-start)   ; flymake defers its start to post-command-hook, which batch never runs
          (if (not (cc-wait (lambda () (flymake-start) (flymake-diagnostics)) 40))
              (error "diagnostics: none published for 003 within 40 s")
            (setq diag (car (flymake-diagnostics)))
            (cc-ok "flymake shows %d diagnostics, e.g. line %d: %s" (length (flymake-diagnostics))
                   (line-number-at-pos (flymake-diagnostic-beg diag)) (flymake-diagnostic-text diag))))
        (cc-check "code action"
          (cond ((not (cc-cap 'codeActionProvider)) (cc-skip "code actions: pending server feature"))
                ((not diag) (cc-skip "code actions: no diagnostic to act on (pending server feature)"))
                (t (let* ((asked nil) (buf nil) (tries 0)
                          ;; what is under .crosscheck/ on disk now: the server writes the files
                          ;; itself when eglot cannot create them through applyEdit
                          (disk (lambda ()
                                  (mapcar (lambda (f) (cons f (with-temp-buffer
                                                                (insert-file-contents f) (buffer-string))))
                                          (directory-files-recursively (concat cc-ws ".crosscheck") "\\.json\\'"))))
                          (before (funcall disk))
                          (changed-on-disk (lambda ()
                                             (cl-find-if (lambda (e) (not (equal (cdr (assoc (car e) before)) (cdr e))))
                                                         (funcall disk)))))
                     ;; A loaded CI machine can answer late: ask up to three
                     ;; times, as a user would press the key again.
                     (while (and (not buf) (< tries 3))
                       (setq tries (1+ tries))
                       (goto-char (flymake-diagnostic-beg diag))
                       ;; eglot 1.9 asks before editing a file no buffer visits: answer y, as the user would
                       ;; several quick fixes (verdicts, dismiss) make a menu: take the first, as Enter would
                       ;; (batch Emacs takes the mouse-menu path: x-popup-menu)
                       (cl-letf (((symbol-function 'y-or-n-p) (lambda (p) (setq asked p) t))
                                 ((symbol-function 'completing-read)
                                  (lambda (_prompt coll &rest _)
                                    (let ((x (if (consp coll) (car coll) "")))
                                      (if (consp x) (car x) x))))
                                 ((symbol-function 'x-popup-menu)
                                  (lambda (_pos menu) (cdr (cadr (cadr menu))))))
                         ;; what M-x eglot-code-actions does; "quickfix" + one action = no menu
                         (ignore-errors (eglot-code-actions (point) nil "quickfix" t))
                         (cc-wait (lambda () asked) 5))
                       (cc-wait (lambda ()
                                  (setq buf (or (cl-find-if (lambda (b) (and (buffer-file-name b) (buffer-modified-p b)
                                                                             (string-match-p "/\\.crosscheck/" (buffer-file-name b))))
                                                            (buffer-list))
                                                (car (funcall changed-on-disk)))))
                                10))
                     (progn
                       (unless buf (error "nothing under .crosscheck/ changed; buffers: %S" (buffer-list)))
                       (when (bufferp buf) (with-current-buffer buf (save-buffer)))
                       (cc-ok "eglot-code-actions (quickfix) changed %s"
                              (file-relative-name (if (bufferp buf) (buffer-file-name buf) buf) cc-ws)))))))
        (goto-char (point-min)) (search-forward "Thus, Stoltenberg"))
      (cc-check "shutdown"
        (eglot-shutdown server)
        (cc-ok "shutdown"))
      (cc-finish))
  (error (setq cc-failed (1+ cc-failed)) (princ (format "not ok - %s: %S\n" cc-tag err)) (cc-finish)))
