"""A tiny HTTP server on 127.0.0.1 serving test images, like QQ's image links."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PNG = b"\x89PNG\r\n\x1a\n" + b"before-photo" * 50
JPEG = b"\xff\xd8\xff\xe0" + b"after-photo" * 50


class PhotoServer:
    """Serves ``routes``: path → bytes, or a list of (status, bytes) answered in turn (the
    last one repeats). Counts the requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes | list[tuple[int, bytes]]] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                count = server.hits.get(path, 0)
                server.hits[path] = count + 1
                route = server.routes.get(path)
                if route is None:
                    status, body = 404, b"not found"
                elif isinstance(route, bytes):
                    status, body = 200, route
                else:
                    status, body = route[min(count, len(route) - 1)]
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

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
