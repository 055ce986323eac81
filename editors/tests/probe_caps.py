#!/usr/bin/env python3
"""Print the server's initialize result capabilities as JSON, so tests of editors whose client we
don't script (VS Code UI, Emacs) can tell a missing server feature (skip) from a broken client (fail).
Usage: probe_caps.py SERVER_BINARY WORKSPACE > caps.json"""
import json, subprocess, sys
from pathlib import Path

srv, ws = sys.argv[1], Path(sys.argv[2]).resolve()
p = subprocess.Popen([srv, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def send(msg):
    b = json.dumps(dict(msg, jsonrpc="2.0")).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(b), b)); p.stdin.flush()


def recv():
    n = 0
    while (line := p.stdout.readline().strip()):
        if line.lower().startswith(b"content-length:"):
            n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n)) if n else None


send({"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": ws.as_uri(), "capabilities": {},
      "workspaceFolders": [{"uri": ws.as_uri(), "name": ws.name}]}})
while (m := recv()) is not None and m.get("id") != 1:
    pass  # skip notifications the server sends early
caps = (m or {}).get("result", {}).get("capabilities", {})
send({"id": 2, "method": "shutdown"}); send({"method": "exit"})
try:
    p.wait(timeout=5)
except subprocess.TimeoutExpired:
    p.kill()
print(json.dumps(caps))
