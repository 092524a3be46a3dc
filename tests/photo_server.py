"""A tiny HTTP server on 127.0.0.1 serving test images, like QQ's image links."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PNG = b"\x89PNG\r\n\x1a\n" + b"before-photo" * 50
JPEG = b"\xff\xd8\xff\xe0" + b"after-photo" * 50


class PhotoServer:
    """Serves ``routes``: path → bytes, or a list of (status, bytes[, headers]) answered in
    turn (the last one repeats). Counts the requests per path, and how many were answered at
    once at most (each answer takes ``delay`` seconds)."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes | list[tuple[int, bytes]]] = {}
        self.hits: dict[str, int] = {}
        self.delay = 0.0
        self.in_flight = 0
        self.most_in_flight = 0
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                count = server.hits.get(path, 0)
                server.hits[path] = count + 1
                route = server.routes.get(path)
                headers: dict[str, str] = {}
                if route is None:
                    status, body = 404, b"not found"
                elif isinstance(route, bytes):
                    status, body = 200, route
                else:
                    status, body, *extra = route[min(count, len(route) - 1)]
                    headers = extra[0] if extra else {}
                with lock:
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay)
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                finally:
                    with lock:
                        server.in_flight -= 1

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> PhotoServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
