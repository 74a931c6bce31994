"""Run the sandbox over a real loopback socket: uvicorn in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn

from explorer.sandbox.app import DEFAULT_PAGE, create_app
from explorer.sandbox.options import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    LiveSettings,
    SandboxOptions,
)
from explorer.sandbox.schema import COLLECTIONS
from explorer.sandbox.store import Store


class RunningSandbox:
    """A sandbox serving HTTP on `base_url` until `stop()` (or the end of a `with` block)."""

    def __init__(self, options: SandboxOptions) -> None:
        options.live_settings()  # validate the knobs before opening anything
        self.options = options
        self.client_id = DEMO_CLIENT_ID
        self.client_secret = DEMO_CLIENT_SECRET
        self.collections: list[str] = [c.key for c in COLLECTIONS]
        # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets that say so, and
        # without it every answer waits ~40 ms for a delayed ACK.
        family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
        self._socket = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self._socket.bind((options.host, options.port))
        except OSError:
            self._socket.close()
            raise
        self._socket.listen(128)
        try:
            self.store = Store(
                options.resolved_db_path(),
                reset=options.reset,
                records=options.records,
                seed=options.seed,
            )
        except BaseException:
            self._socket.close()
            raise
        self.settings: LiveSettings = options.live_settings()
        self.app = create_app(options, settings=self.settings, store=self.store)
        host, port = self._socket.getsockname()[:2]
        self.host: str = host
        self.port: int = port
        shown = f"[{host}]" if family == socket.AF_INET6 else host
        self.base_url = f"http://{shown}:{port}"
        self.api_url = f"{self.base_url}/v1"
        self.token_url = f"{self.base_url}/oauth/token"
        # Everything named, nothing detected: uvicorn would otherwise try optional HTTP and
        # WebSocket implementations at start-up, and the sandbox serves plain HTTP/1.1.
        config = uvicorn.Config(
            self.app,
            http="h11",
            ws="none",
            loop="asyncio",
            interface="asgi3",
            lifespan="off",
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name=f"sandbox:{port}",
            daemon=True,
        )
        self._stopped = False

    def start(self) -> RunningSandbox:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.005)
        return self

    def warm(self) -> None:
        """Read each collection's first page and total once, as a server that has been up a
        while would have: the first listing then costs what every later one does."""
        for collection in COLLECTIONS:
            page = self.store.page(
                collection.table, "1", (), first=DEFAULT_PAGE, last=None, after=None, before=None
            )
            self.store.count(collection.table, "1", ())
            for row in page.rows:
                self.store.to_record(collection, row)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._socket.close()
        self.store.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def start_sandbox(options: SandboxOptions | None = None) -> RunningSandbox:
    """Open (seeding if new) the database and serve it on a loopback port; returns at once."""
    return RunningSandbox(options or SandboxOptions()).start()
