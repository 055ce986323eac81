#!/usr/bin/env python3
"""Stand-in for `crosscheck lsp` (stdlib only) that follows the server contract closely enough to
develop and self-check the editor tests: every "Stoltenberg"/"NATO" in the workspace is a mention,
the first "Jens Stoltenberg" defines the person; "reports"/"reported" is an unverified claim whose
code action runs crosscheck.markVerified, which creates/edits .crosscheck/entities.json via applyEdit. NOT used by run-editor-tests.sh against the real
server; only for the client self-tests (run-editor-tests.sh --fake).
Env: FAKE_CROSSCHECK_LOG=file  append the settings the client sent (initializationOptions and
     workspace/didChangeConfiguration) as JSON lines, so tests can check what the client forwards.
     FAKE_CROSSCHECK_EXIT_AFTER_INIT=1  die (exit 4) right after `initialized`: a server that crashes
     mid-session, for the clients' restart-then-give-up handling.
"""
import json, os, re, sys
from urllib.parse import unquote, urlparse
from pathlib import Path

if "--version" in sys.argv:
    print("crosscheck 0.0.0-fake"); sys.exit(0)

TYPES = ["person", "organization", "location", "date", "money", "quantity"]
ENTITIES = {"Jens Stoltenberg": ("person", r"(?:Jens )?Stoltenberg"), "NATO": ("organization", r"NATO")}
inp, out = sys.stdin.buffer, sys.stdout.buffer
files = {}  # uri -> text
root = None
can_create = False  # the client can take CreateFile in a WorkspaceEdit (eglot 1.9 can't)


def log(kind, value):
    if os.environ.get("FAKE_CROSSCHECK_LOG"):
        with open(os.environ["FAKE_CROSSCHECK_LOG"], "a") as f:
            f.write(json.dumps({kind: value}) + "\n")


def send(msg):
    msg["jsonrpc"] = "2.0"
    data = json.dumps(msg).encode()
    out.write(b"Content-Length: %d\r\n\r\n" % len(data) + data); out.flush()


def read():
    n = None
    while True:
        line = inp.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        k, v = line.decode().split(":", 1)
        if k.lower() == "content-length":
            n = int(v)
    return json.loads(inp.read(n))


def mentions():
    """[(name, uri, line, col, length)] in sorted file order."""
    res = []
    for uri in sorted(files):
        for ln, text in enumerate(files[uri].split("\n")):
            for name, (_, pat) in ENTITIES.items():
                res += [(name, uri, ln, m.start(), m.end() - m.start()) for m in re.finditer(pat, text)]
    return res


def loc(m):
    return {"uri": m[1], "range": {"start": {"line": m[2], "character": m[3]},
                                   "end": {"line": m[2], "character": m[3] + m[4]}}}


def at(params):
    uri, p = params["textDocument"]["uri"], params["position"]
    for m in mentions():
        if m[1] == uri and m[2] == p["line"] and m[3] <= p["character"] <= m[3] + m[4]:
            return m
    return None


def definition(name):
    ms = [m for m in mentions() if m[0] == name]
    full = [m for m in ms if m[4] == len(name)]
    return (full or ms)[0]


def publish(uri):
    diags = []
    for ln, text in enumerate(files[uri].split("\n")):
        for m in re.finditer(r"\breport(?:s|ed)\b", text):
            diags.append({"range": {"start": {"line": ln, "character": m.start()}, "end": {"line": ln, "character": m.end()}},
                          "severity": 2, "source": "crosscheck", "code": "unverified-claim",
                          "message": "Unverified claim: attributed to a report nobody has checked yet"})
    send({"method": "textDocument/publishDiagnostics", "params": {"uri": uri, "diagnostics": diags}})


def main():
    while True:
        msg = read()
        if msg is None:
            return
        meth, mid, p = msg.get("method"), msg.get("id"), msg.get("params") or {}
        if meth == "initialize":
            log("initializationOptions", p.get("initializationOptions"))
            global root, can_create
            we = p.get("capabilities", {}).get("workspace", {}).get("workspaceEdit", {})
            can_create = we.get("documentChanges") and "create" in (we.get("resourceOperations") or [])
            root = unquote(urlparse(p.get("rootUri") or "file:///nonexistent").path)
            for f in sorted(Path(root).rglob("*")):
                if f.suffix in (".txt", ".md") and ".crosscheck" not in f.parts:
                    files[f.as_uri()] = f.read_text(encoding="utf-8")
            send({"id": mid, "result": {"serverInfo": {"name": "crosscheck", "version": "0.0.0-fake"}, "capabilities": {
                "textDocumentSync": 1, "hoverProvider": True, "definitionProvider": True,
                "referencesProvider": True, "workspaceSymbolProvider": True, "codeActionProvider": True,
                "codeLensProvider": {"resolveProvider": False},
                "executeCommandProvider": {"commands": ["crosscheck.markVerified"]},
                "semanticTokensProvider": {"legend": {"tokenTypes": TYPES, "tokenModifiers": []}, "full": True}}}})
        elif meth == "workspace/didChangeConfiguration":
            log("didChangeConfiguration", p.get("settings"))
        elif meth == "initialized":
            if os.environ.get("FAKE_CROSSCHECK_EXIT_AFTER_INIT"):
                sys.stderr.write("crosscheck: fatal: simulated crash after initialize\n"); sys.exit(4)
            send({"method": "crosscheck/status", "params": {"state": "indexing", "files": len(files), "entities": 0}})
            send({"method": "crosscheck/status", "params": {"state": "ready", "files": len(files), "entities": len(ENTITIES)}})
        elif meth in ("textDocument/didOpen", "textDocument/didChange"):
            td = p["textDocument"]
            files[td["uri"]] = td["text"] if meth.endswith("Open") else p["contentChanges"][-1]["text"]
            publish(td["uri"])
        elif meth == "textDocument/codeAction":
            ds = [d for d in p["context"]["diagnostics"] if d.get("code") == "unverified-claim"]
            send({"id": mid, "result": [{"title": "Mark claim as verified", "kind": "quickfix", "diagnostics": ds,
                  "command": {"title": "Mark claim as verified", "command": "crosscheck.markVerified",
                              "arguments": [p["textDocument"]["uri"], ds[0]["range"]]}}] if ds else []})
        elif meth == "textDocument/codeLens":
            n = len({m[0] for m in mentions() if m[1] == p["textDocument"]["uri"]})
            send({"id": mid, "result": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                                         "command": {"title": "%d entities in this article" % n, "command": ""}}]})
        elif meth == "workspace/executeCommand":
            ann = Path(root, ".crosscheck", "entities.json").as_uri()
            new = json.dumps({"verified": p["arguments"]}) + "\n"
            insert = [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                       "newText": new}]
            edit = ({"documentChanges": [{"kind": "create", "uri": ann, "options": {"ignoreIfExists": True}},
                                         {"textDocument": {"uri": ann, "version": None}, "edits": insert}]}
                    if can_create else {"changes": {ann: insert}})
            send({"id": "apply-1", "method": "workspace/applyEdit", "params": {"label": "Mark claim as verified", "edit": edit}})
            send({"id": mid, "result": None})
        elif meth == "textDocument/hover":
            m = at(p)
            send({"id": mid, "result": m and {"contents": {"kind": "markdown", "value":
                  "**%s** (%s)" % (m[0], ENTITIES[m[0]][0])}}})
        elif meth == "textDocument/definition":
            m = at(p)
            send({"id": mid, "result": m and [loc(definition(m[0]))]})
        elif meth == "textDocument/references":
            m = at(p)
            send({"id": mid, "result": m and [loc(x) for x in mentions() if x[0] == m[0]]})
        elif meth == "workspace/symbol":
            send({"id": mid, "result": [{"name": n, "kind": 5, "location": loc(definition(n))} for n in ENTITIES]})
        elif meth == "textDocument/semanticTokens/full":
            uri, data, prev = p["textDocument"]["uri"], [], (0, 0)
            for m in (x for x in mentions() if x[1] == uri):
                dl = m[2] - prev[0]
                data += [dl, m[3] - prev[1] if dl == 0 else m[3], m[4], TYPES.index(ENTITIES[m[0]][0]), 0]
                prev = (m[2], m[3])
            send({"id": mid, "result": {"data": data}})
        elif meth == "shutdown":
            send({"id": mid, "result": None})
        elif meth == "exit":
            return
        elif mid is not None and meth:
            send({"id": mid, "error": {"code": -32601, "message": "not implemented: " + meth}})


if __name__ == "__main__":
    main()
