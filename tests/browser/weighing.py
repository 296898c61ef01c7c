"""What a reader's browser receives: a plain static server that counts the bytes it sends.

Used by the browser tests and by benchmarks/scale.py, so both weigh a visit the same way: uncompressed
bytes of every response body as sent by a plain static server (Python's), all requests of the page
and of its service worker, until nothing has been asked for a while ("network idle").
"""

from __future__ import annotations

import http.server
import threading
import time
from functools import partial
from pathlib import Path

FIRST_VISIT_BUDGET = 500 * 1024  # bytes, a first visit to an authority's parents page
QUERY_BUDGET = 300 * 1024  # bytes, one search


class CountingServer:
    """Serves a folder on 127.0.0.1 and records (path, bytes) of every response body it sends."""

    def __init__(self, folder: Path):
        self.sent: list[tuple[str, int]] = []
        self.last = time.monotonic()
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def copyfile(self, source, outputfile):
                data = source.read()
                outputfile.write(data)
                server.sent.append((self.path, len(data)))
                server.last = time.monotonic()

            def send_head(self):
                server.last = time.monotonic()
                return super().send_head()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self) -> None:
        self.sent = []

    def total(self) -> int:
        return sum(n for _, n in self.sent)

    def wait_idle(self, quiet: float = 1.5, limit: float = 30.0) -> None:
        """Wait until nothing has been requested for `quiet` seconds (the service worker included)."""
        end = time.monotonic() + limit
        while time.monotonic() < end and time.monotonic() - self.last < quiet:
            time.sleep(0.1)

    def describe(self) -> str:
        return "\n".join(f"  {n / 1024:8.1f} KB  {path}" for path, n in sorted(self.sent, key=lambda s: -s[1]))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def first_visit(browser, server: CountingServer, path: str, scripts: bool = True) -> int:
    """Bytes received by a new browser (empty cache and storage) opening `path` until the network is idle
    (`scripts`: also wait for the site's page scripts, cpguide.js, to have run)."""
    context = browser.new_context(base_url=server.url)
    try:
        page = context.new_page()
        server.reset()
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if scripts:
            page.wait_for_function("() => window.__pageReady === location.pathname", timeout=30_000)
        server.wait_idle()
        return server.total()
    finally:
        context.close()


def query_bytes(browser, server: CountingServer, path: str, query: str) -> int:
    """Bytes received for one search typed on `path` (after that page's first visit has settled)."""
    context = browser.new_context(base_url=server.url)
    try:
        page = context.new_page()
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => window.__pageReady === location.pathname", timeout=30_000)
        server.wait_idle()
        server.reset()
        page.locator("#cp-search-input").focus()
        page.keyboard.type(query, delay=40)
        page.wait_for_function("q => document.querySelector('[data-cpguide-search]').dataset.shown === q",
                               arg=query, timeout=60_000)
        server.wait_idle()
        return server.total()
    finally:
        context.close()
