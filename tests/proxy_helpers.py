"""A tiny HTTP proxy in front of a sandbox, over real sockets, that can lose an answer or let
another writer in first (imported as `proxy_helpers`).

`Proxy(upstream_base_url, rules)` listens on a loopback port; `proxy.base_url` takes the
sandbox's place in a client's settings. Each request is forwarded as is; a rule matching its
method and path (a `Rule` with a path prefix) can:

- `before`: run a callable first (e.g. another client writing the record), then forward;
- `drop`: forward the request, read the server's answer, and close the connection without
  passing the answer on, as a network that lost the response would; with `forward=False`
  the request itself is lost (the connection closes before the server sees it).

Each rule fires `times` times (default once); `proxy.seen` lists every `METHOD path` served.
"""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit


@dataclass
class Rule:
    method: str
    path_prefix: str
    drop: bool = False
    forward: bool = True
    before: Callable[[], None] | None = None
    times: int = 1

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and path.startswith(self.path_prefix)


def _read_request(stream: socket.SocketIO) -> tuple[str, str, list[tuple[str, str]], bytes]:
    head = bytearray()
    while not head.endswith(b"\r\n\r\n"):
        chunk = stream.read(1)
        if not chunk:
            raise ConnectionError("client closed")
        head += chunk
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    pairs = [
        (name.strip(), value.strip())
        for name, _, value in (h.partition(":") for h in lines[1:] if ":" in h)
    ]
    length = next((int(v) for n, v in pairs if n.lower() == "content-length"), 0)
    body = b""
    while len(body) < length:
        chunk = stream.read(length - len(body))
        if not chunk:
            raise ConnectionError("client closed mid-body")
        body += chunk
    return method, target, pairs, body


class Proxy:
    def __init__(self, upstream: str, rules: list[Rule] | None = None) -> None:
        parts = urlsplit(upstream)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self.rules = rules or []
        self.seen: list[str] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def __enter__(self) -> Proxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _rule(self, method: str, path: str) -> Rule | None:
        for rule in self.rules:
            if rule.matches(method, path):
                rule.times -= 1
                return rule
        return None

    def _serve(self, client: socket.socket) -> None:
        stream = socket.SocketIO(client, "rwb")
        try:
            while True:
                method, target, headers, body = _read_request(stream)
                self.seen.append(f"{method} {target.split('?')[0]}")
                rule = self._rule(method, target)
                if rule is not None and rule.before is not None:
                    rule.before()
                if rule is not None and rule.drop and not rule.forward:
                    return  # lost on the way there: the server never sees it
                upstream = http.client.HTTPConnection(self._host, self._port, timeout=30)
                sent = {n: v for n, v in headers if n.lower() not in ("host", "connection")}
                upstream.request(method, target, body=body, headers=sent)
                answer = upstream.getresponse()
                payload = answer.read()
                upstream.close()
                if rule is not None and rule.drop:
                    return  # the server acted; its answer is lost on the way back
                lines = [f"HTTP/1.1 {answer.status} {answer.reason}"]
                for name, value in answer.getheaders():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        lines.append(f"{name}: {value}")
                lines.append(f"Content-Length: {len(payload)}")
                stream.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload)
                stream.flush()
        except (ConnectionError, OSError, ValueError):
            return
        finally:
            stream.close()
            client.close()
