"""A built site served on a free local port, as a web host serves it; ready when it answers."""
from __future__ import annotations

import contextlib
import functools
import gzip as gzip_module
import http.server
import io
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from mbc_guide.tools.errors import ToolError

GZIP_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy of the environment


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder quietly; gzips text files for browsers that accept it, or says not to cache, when asked."""

    def __init__(self, *args, gzip: bool, no_cache: bool, **kwargs) -> None:
        self.gzip, self.no_cache = gzip, no_cache
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        if self.no_cache:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not (self.gzip and path.is_file() and path.suffix in GZIP_TYPES
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # directories without "/" are redirected, missing files get 404
        data = gzip_module.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


class _Server(http.server.ThreadingHTTPServer):
    """A threading server that says nothing when a browser drops a connection it no longer needs."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path, *, gzip: bool = False, no_cache: bool = False, timeout: float = 10.0) -> Iterator[str]:
    """Serve the folder on a free port of 127.0.0.1 until the block ends; yield its base URL once it answers."""
    handler = functools.partial(_Handler, directory=str(folder), gzip=gzip, no_cache=no_cache)
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        _wait_until_it_answers(base, timeout)
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _wait_until_it_answers(url: str, timeout: float) -> None:
    """Return once the URL gets an HTTP answer (any status); a ToolError after timeout seconds without one."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with _DIRECT.open(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # an answer, such as 404 for a folder without index.html
        except OSError as err:
            if time.monotonic() > deadline:
                raise ToolError(f"the local server at {url} did not answer within {timeout:g} s ({err})") from None
            time.sleep(0.05)
