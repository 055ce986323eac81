#!/usr/bin/env python3
"""Measure any language server through the real protocol (JSON-RPC over
stdio), on a folder of text files, and print the figures side by side.

    bench/lsp_bench.py --corpus DIR --file big_100k.txt \
        --server crosscheck='target/release/crosscheck lsp' \
        --server harper='/path/to/harper-ls --stdio'

For each server, one session:
  ready        spawn -> `initialize` answered -> (crosscheck) `crosscheck/status`
               "ready" -> first non-empty `workspace/symbol` answer
  open->diag   `didOpen` of FILE -> first `publishDiagnostics` for it
  edit->answer `didChange` (one character typed or removed) -> `hover` answered
               (requests wait for the edit's analysis), p50/p90/p99/max
  edit->diag   `didChange` -> `publishDiagnostics` for that version (or, for
               servers that send no version, the next one), p50/p90/max
  RSS          the server's VmRSS/VmHWM (from /proc) after indexing, after
               the diagnostics of FILE, and after EDITS edits
Nothing is sent before the previous answer a measure waits for arrived;
a measure a server does not support is shown as "-".
Set the environment of each run from the outside (for crosscheck:
CROSSCHECK_CACHE_DIR=empty dir for a first-ever start, the same again for a
warm restart, or `crosscheck lsp --no-cache`).
"""
import argparse
import json
import os
import queue
import shlex
import statistics
import subprocess
import sys
import threading
import time


class Server:
    def __init__(self, cmd, cwd=None, env=None, log=None):
        self.t0 = time.monotonic()
        self.log = log
        err = open(log, "wb") if log else subprocess.DEVNULL
        self.p = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=err, cwd=cwd, env=env)
        self.next_id = 1
        self.responses = {}
        self.cv = threading.Condition()
        self.notes = []  # (time, method, params)
        self.requests_from_server = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.p.stdout
        while True:
            headers = {}
            while True:
                line = f.readline()
                if not line:
                    with self.cv:
                        self.cv.notify_all()
                    return
                line = line.decode("ascii", "replace").strip()
                if not line:
                    break
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            n = int(headers.get("content-length", "0"))
            body = f.read(n)
            msg = json.loads(body)
            now = time.monotonic()
            with self.cv:
                if "id" in msg and "method" in msg:
                    # a request from the server: answer null (no capability)
                    self.requests_from_server += 1
                    self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                elif "id" in msg:
                    self.responses[msg["id"]] = (now, msg)
                else:
                    self.notes.append((now, msg.get("method"), msg.get("params")))
                self.cv.notify_all()

    def _send(self, msg):
        data = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.p.stdin.flush()

    def notify(self, method, params):
        with self.cv:
            self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=600):
        with self.cv:
            i = self.next_id
            self.next_id += 1
            t = time.monotonic()
            self._send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
            ok = self.cv.wait_for(lambda: i in self.responses or self.p.poll() is not None, timeout)
            if not ok or i not in self.responses:
                raise RuntimeError(f"no answer to {method}")
            done, msg = self.responses.pop(i)
        return done - t, msg.get("result"), msg.get("error")

    def wait_note(self, pred, since_index, timeout=600):
        """Wait for a notification matching pred after notes[since_index:]."""
        deadline = time.monotonic() + timeout
        with self.cv:
            while True:
                for k in range(since_index, len(self.notes)):
                    t, m, p = self.notes[k]
                    if pred(m, p):
                        return t, k
                left = deadline - time.monotonic()
                if left <= 0 or self.p.poll() is not None:
                    return None, None
                self.cv.wait(left)

    def mark(self):
        with self.cv:
            return len(self.notes)

    def rss(self):
        out = {}
        try:
            with open(f"/proc/{self.p.pid}/status") as f:
                for line in f:
                    if line.startswith(("VmRSS", "VmHWM")):
                        k, v = line.split(":")
                        out[k] = int(v.split()[0]) / 1024
        except OSError:
            pass
        return out

    def live_heap_mb(self):
        """The last live-heap figure the server logged (crosscheck with
        CROSSCHECK_HEAP_STATS=1 and CROSSCHECK_LOG=info,crosscheck::heap=debug),
        or None."""
        if not self.log:
            return None
        last = None
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                for line in f:
                    i = line.find("live heap ")
                    if i >= 0:
                        last = float(line[i + 10:].split()[0])
        except (OSError, ValueError):
            return None
        return last

    def cpu_s(self):
        """CPU seconds the server used so far (user + system)."""
        try:
            with open(f"/proc/{self.p.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    def wait_idle(self, quiet=1.5, timeout=300):
        """Wait until the server used under 2 % of a core for `quiet`
        seconds (its background work, such as a claims index, is done)."""
        deadline = time.monotonic() + timeout
        last = self.cpu_s()
        calm_since = time.monotonic()
        while time.monotonic() < deadline and last is not None:
            time.sleep(0.25)
            now = self.cpu_s()
            if now is None:
                return
            if now - last > 0.005:
                calm_since = time.monotonic()
            elif time.monotonic() - calm_since >= quiet:
                return
            last = now

    def close(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.p.wait(timeout=30)
        except Exception:
            self.p.kill()


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def position(text, offset):
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    col = len(text[start:offset].encode("utf-16-le")) // 2
    return {"line": line, "character": col}


def pct(v, q):
    if not v:
        return None
    v = sorted(v)
    i = max(0, min(len(v) - 1, int(round(q * len(v) + 0.5)) - 1))
    return v[i]


def run(name, cmd, args):
    corpus = os.path.abspath(args.corpus)
    path = os.path.join(corpus, args.file)
    text = open(path, encoding="utf-8").read()
    r = {"server": name}
    log = f"{args.server_log}.{name}" if args.server_log else None
    s = Server(shlex.split(cmd), cwd=corpus, log=log)
    try:
        init_opts = json.loads(args.init_options) if args.init_options else None
        t, res, err = s.request("initialize", {
            "processId": os.getpid(), "rootUri": uri(corpus),
            "workspaceFolders": [{"uri": uri(corpus), "name": "bench"}],
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {"publishDiagnostics": {"versionSupport": True},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]}},
                "window": {"workDoneProgress": False},
            },
            "initializationOptions": init_opts,
        })
        caps = (res or {}).get("capabilities", {})
        s.notify("initialized", {})
        r["initialize_s"] = time.monotonic() - s.t0
        # Ready: crosscheck says so; then the first non-empty symbol answer.
        if caps.get("workspaceSymbolProvider"):
            s.wait_note(lambda m, p: m == "crosscheck/status" and p and p.get("state") == "ready", 0,
                        timeout=args.timeout)
            while True:
                _, res, err = s.request("workspace/symbol", {"query": "a"})
                if res:
                    break
                if time.monotonic() - s.t0 > args.timeout:
                    break
                time.sleep(0.05)
            r["ready_s"] = time.monotonic() - s.t0
        else:
            r["ready_s"] = None
        r["rss_indexed_mb"] = s.rss().get("VmRSS")
        # open -> diagnostics of that file
        u = uri(path)
        mark = s.mark()
        t_open = time.monotonic()
        s.notify("textDocument/didOpen", {"textDocument": {
            "uri": u, "languageId": "plaintext", "version": 1, "text": text}})
        tn, _ = s.wait_note(lambda m, p: m == "textDocument/publishDiagnostics" and p["uri"] == u,
                            mark, timeout=args.timeout)
        r["open_diag_s"] = (tn - t_open) if tn else None
        rss = s.rss()
        r["rss_diag_mb"] = rss.get("VmRSS")
        if args.rss_every:
            # what the open started in the background (a claims index) is
            # done before the edits are measured
            s.wait_idle()
            r["rss_idle_mb"] = s.rss().get("VmRSS")
            r["heap_idle_mb"] = s.live_heap_mb()
        series, heap = [], []
        # Edits: type a character after a word in the middle, then remove it.
        spots = []
        words = [i for i in range(len(text) // 3, len(text)) if text[i] == " " and text[i - 1].isalpha()]
        step = max(1, len(words) // 97)
        spots = words[::step][:97]
        names = [i for i in range(len(text) // 3, len(text) - 1)
                 if text[i].isupper() and text[i - 1] == " " and text[i + 1].islower()]
        cur = text
        version = 1
        answer, diag = [], []
        cpu_before = s.cpu_s()
        hover = bool(caps.get("hoverProvider"))
        for k in range(args.edits):
            off = spots[k % len(spots)]
            typed = (k % 2 == 0)
            if typed:
                start, end, new = off, off, "x"
            else:
                start, end, new = off, off + 1, ""
            rng = {"start": position(cur, start), "end": position(cur, end)}
            cur = cur[:start] + new + cur[end:]
            version += 1
            mark = s.mark()
            t_edit = time.monotonic()
            s.notify("textDocument/didChange", {
                "textDocument": {"uri": u, "version": version},
                "contentChanges": [{"range": rng, "text": new}]})
            measure_diag = k < args.diag_edits
            if hover and k < args.answer_edits:
                # the nearest name after the edit, in the current text
                n = next((x for x in names if x > off + 2), names[0]) if names else off
                n += 1 if typed and n > off else 0
                t, res, err = s.request("textDocument/hover", {
                    "textDocument": {"uri": u}, "position": position(cur, n + 1)})
                answer.append(time.monotonic() - t_edit)
            if measure_diag:
                v = version
                tn, _ = s.wait_note(
                    lambda m, p: m == "textDocument/publishDiagnostics" and p["uri"] == u
                    and p.get("version") in (v, None), mark, timeout=args.timeout)
                if tn:
                    diag.append(tn - t_edit)
            if args.rss_every and (k + 1) % args.rss_every == 0:
                s.wait_idle()
                series.append([k + 1, s.rss().get("VmRSS")])
                heap.append([k + 1, s.live_heap_mb()])
        # let the last diagnostics settle, then read memory
        time.sleep(args.settle)
        if args.rss_every:
            s.wait_idle()
        cpu_after = s.cpu_s()
        if cpu_before is not None and cpu_after is not None:
            # the server's CPU over the edits and the work they started:
            # what the machine's load does not stretch
            r["edit_cpu_s"] = round(cpu_after - cpu_before, 1)
        rss = s.rss()
        r["rss_edits_mb"] = rss.get("VmRSS")
        r["hwm_mb"] = rss.get("VmHWM")
        r["edits"] = args.edits
        if args.rss_every:
            r["rss_series_mb"] = series
            if any(x is not None for _, x in heap):
                r["heap_series_mb"] = heap
            # flatness: how far the idle RSS after the edits strays from
            # the idle RSS before them (the claims index built), in %
            base = r.get("rss_idle_mb")
            if base and series:
                r["rss_growth_pct"] = [round((series[-1][1] - base) / base * 100, 1),
                                       round((max(x for _, x in series) - base) / base * 100, 1)]
        r["answer_ms"] = [round(x * 1000, 1) for x in (pct(answer, .5), pct(answer, .9), pct(answer, .99), max(answer) if answer else None)] if answer else None
        r["diag_ms"] = [round(x * 1000, 1) for x in (pct(diag, .5), pct(diag, .9), max(diag))] if diag else None
    finally:
        s.close()
    return r


def fmt(v, unit=""):
    if v is None:
        return "-"
    if isinstance(v, list) and v and isinstance(v[0], list):
        return ", ".join(f"{k}: " + ("-" if x is None else f"{x:.0f}") for k, x in v)
    if isinstance(v, list):
        return " / ".join("-" if x is None else f"{x:g}" for x in v)
    return f"{v:.2f}{unit}" if isinstance(v, float) else str(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--file", default="big_100k.txt", help="the file opened and edited (relative)")
    ap.add_argument("--server", action="append", required=True, help="NAME=COMMAND")
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--answer-edits", type=int, default=200, help="edits followed by a hover")
    ap.add_argument("--diag-edits", type=int, default=20, help="edits whose diagnostics are awaited")
    ap.add_argument("--settle", type=float, default=2.0)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--init-options", default=None, help="JSON initializationOptions")
    ap.add_argument("--rss-every", type=int, default=0,
                    help="also wait until the server is idle after the open and after every N edits, and read its RSS")
    ap.add_argument("--server-log", default=None,
                    help="write each server's stderr to THIS.NAME (and read crosscheck's live-heap lines from it)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    for spec in args.server:
        name, _, cmd = spec.partition("=")
        print(f"# {name}: {cmd}", file=sys.stderr)
        rows.append(run(name, cmd, args))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    measures = [
        ("spawn -> first full workspace/symbol answer (s)", "ready_s"),
        ("didOpen FILE -> its diagnostics (s)", "open_diag_s"),
        ("edit -> hover answered, ms p50 / p90 / p99 / max", "answer_ms"),
        ("edit -> its diagnostics, ms p50 / p90 / max", "diag_ms"),
        ("server CPU over the edits and their background work (s)", "edit_cpu_s"),
        ("RSS after indexing (MB)", "rss_indexed_mb"),
        ("RSS after FILE's diagnostics (MB)", "rss_diag_mb"),
        ("RSS after that, once idle (MB)", "rss_idle_mb"),
        ("RSS once idle after every N edits (MB)", "rss_series_mb"),
        ("live heap once idle, before the edits (MB)", "heap_idle_mb"),
        ("live heap once idle after every N edits (MB)", "heap_series_mb"),
        ("idle RSS after the last N edits / highest of them, against before the edits (%)", "rss_growth_pct"),
        ("RSS after the edits (MB)", "rss_edits_mb"),
        ("peak RSS (MB)", "hwm_mb"),
    ]
    print("| measure | " + " | ".join(r["server"] for r in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for label, key in measures:
        print(f"| {label} | " + " | ".join(fmt(r.get(key)) for r in rows) + " |")
    print(f"\n{rows[0]['edits']} edits; FILE = {args.file}", file=sys.stderr)


if __name__ == "__main__":
    main()
