#!/usr/bin/env python3
"""server.py: the HTTP server the fetch tests start on 127.0.0.1.

    python3 -u tests/fetch/server.py ROOT LOG [ADDRESS [robots-down]]

Binds ADDRESS (default 127.0.0.1; only 127.0.0.0/8 is accepted) on a port
the OS picks and prints that port on its first line. Serves ROOT/site
(pages, robots.txt) and ROOT/api (job-board API fixtures) with ETag and
Last-Modified and answers conditional requests with 304; a few paths
misbehave on purpose (see ROUTES); with robots-down, robots.txt answers
503. Every request is appended to LOG as one JSON line: t, host, path,
ua, inm, ims, auth. Runs until it is killed.
"""
import gzip
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.abspath(sys.argv[1])
LOG = sys.argv[2]
ADDRESS = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
ROBOTS_DOWN = len(sys.argv) > 4 and sys.argv[4] == "robots-down"
LOG_LOCK = threading.Lock()
HITS = {}
MODIFIED = formatdate(1700000000, usegmt=True)

BOARDS = {
    "/v1/boards/": ("greenhouse", "/jobs"),
    "/v0/postings/": ("lever", ""),
    "/posting-api/job-board/": ("ashby", ""),
}


def hit(path):
    """How many times path was asked for, this one included."""
    with LOG_LOCK:
        HITS[path] = HITS.get(path, 0) + 1
        return HITS[path]


class Handler(BaseHTTPRequestHandler):
    server_version = "jdalign-test"

    def log_message(self, fmt, *args):
        pass

    def log_request_line(self):
        rec = {
            "t": time.time(),
            "host": self.headers.get("Host", ""),
            "path": self.path,
            "ua": self.headers.get("User-Agent", ""),
            "inm": self.headers.get("If-None-Match", ""),
            "ims": self.headers.get("If-Modified-Since", ""),
            "auth": "Authorization" in self.headers,
        }
        with LOG_LOCK, open(LOG, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec) + "\n")

    def send(self, code, body=b"", ctype="text/html; charset=utf-8",
             headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, code, where):
        self.send(code, b"moved", headers=[("Location", where)])

    def file(self, path, ctype="text/html; charset=utf-8"):
        """A file with validators; 304 when the client has it."""
        if not os.path.isfile(path):
            self.send(404, b"<h1>Not found</h1>")
            return
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            self.send(304, ctype=None, headers=[("ETag", etag)])
            return
        self.send(200, body, ctype, [("ETag", etag),
                                     ("Last-Modified", MODIFIED)])

    def board(self):
        for prefix, (name, suffix) in BOARDS.items():
            if self.path.startswith(prefix):
                rest = self.path[len(prefix):].split("?")[0]
                if suffix and rest.endswith(suffix):
                    rest = rest[:-len(suffix)]
                if "/" in rest or not rest:
                    break
                self.file(os.path.join(ROOT, "api", "%s-%s.json" %
                                       (name, rest)), "application/json")
                return True
        return False

    def do_GET(self):
        self.log_request_line()
        path = self.path.split("?")[0]
        if path == "/robots.txt" and ROBOTS_DOWN:
            self.send(503, b"down")
            return
        if self.board():
            return
        route = ROUTES.get(path)
        if route:
            route(self)
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self.redirect(302, "/redirect/%d" % (n - 1) if n > 0
                          else "/jobs/backend.html")
        elif path.startswith("/hostile/"):
            self.file(os.path.join(ROOT, "site", "jobs", "backend.html"))
        elif ".." in path:
            self.send(400, b"no")
        else:
            self.file(os.path.join(ROOT, "site", path.lstrip("/")))

    def goto(self):
        """An open redirect: Location is the u parameter."""
        query = urllib.parse.urlsplit(self.path).query
        self.redirect(302, urllib.parse.parse_qs(query)["u"][0])

    def busy(self):
        if hit(self.path) == 1:
            self.send(429, b"slow down", headers=[("Retry-After", "1")])
        else:
            self.file(os.path.join(ROOT, "site", "jobs", "data.html"))

    def busy_long(self):
        self.send(429, b"slow down", headers=[("Retry-After", "3600")])

    def unavailable(self):
        if hit(self.path) == 1:
            self.send(503, b"later", headers=[("Retry-After", "0")])
        else:
            self.file(os.path.join(ROOT, "site", "jobs", "data.html"))

    def slow(self):
        time.sleep(3)
        self.send(200, b"<p>too late</p>")

    def big(self):
        """2 MiB with no Content-Length: only the write callback sees it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"x" * 1020 + b"</p>"
        try:
            for _ in range(2048):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def trickle(self):
        """A page sent in ten pieces over two seconds."""
        with open(os.path.join(ROOT, "site", "jobs", "data.html"), "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = len(body) // 10 + 1
        try:
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def bomb(self):
        """A small gzip body that inflates to 20 MiB."""
        body = gzip.compress(b" " * (20 << 20))
        self.send(200, body, headers=[("Content-Encoding", "gzip")])

    def pdf(self):
        self.send(200, b"%PDF-1.4", "application/pdf")


ROUTES = {
    "/to-file": lambda h: h.redirect(302, "file:///etc/passwd"),
    "/to-ftp": lambda h: h.redirect(301, "ftp://127.0.0.1/job.html"),
    "/to-private": lambda h: h.redirect(302, "/private/secret.html"),
    "/missing": lambda h: h.send(404, b"<h1>Not found</h1>"),
    "/busy": Handler.busy,
    "/busy-long": Handler.busy_long,
    "/unavailable": Handler.unavailable,
    "/slow": Handler.slow,
    "/big": Handler.big,
    "/bomb": Handler.bomb,
    "/file.pdf": Handler.pdf,
    "/goto": Handler.goto,
    "/trickle": Handler.trickle,
}


def main():
    if not ADDRESS.startswith("127."):
        sys.exit("server.py: loopback addresses only")
    server = ThreadingHTTPServer((ADDRESS, 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
