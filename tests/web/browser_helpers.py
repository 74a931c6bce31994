"""Drive `elx web` in headless Chromium and read the app's terminal as the page received it.

The page draws the terminal on a canvas, so its text is not in the DOM. A script installed
before the page loads records every message on the page's WebSocket: the terminal output the
app sent and the sizes the page asked for. Replayed through a terminal emulator (pyte), that
record is the screen the user is looking at.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyte
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SERVING = re.compile(r"serving the explorer on (\S+)")

# Installed before the page's own scripts: every message in and out of the app's socket.
RECORDER = """
(() => {
  const Native = window.WebSocket;
  const log = (window.__elxLog = []);
  const encode = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return btoa(text);
  };
  class Recording extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) log.push(["in", encode(event.data)]);
      });
    }
    send(data) {
      if (typeof data === "string") log.push(["out", data]);
      return super.send(data);
    }
  }
  window.WebSocket = Recording;
})();
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class WebServer:
    process: subprocess.Popen[str]
    url: str
    output: list[str]


@contextmanager
def elx_web(env: dict[str, str], *args: str, timeout: float = 60.0) -> Iterator[WebServer]:
    """`elx web ARGS` on a free port, until its address is printed; stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "explorer", "web", "--port", str(port), *args]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    output: list[str] = []
    lines: queue.Queue[str] = queue.Queue()
    # A thread reads the output: lines already buffered would never wake a selector.
    reader = threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    url = None
    try:
        while url is None:
            remaining = deadline - time.monotonic()
            assert remaining > 0, "".join(output)
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                continue
            assert line, f"elx web ended: {''.join(output)}"
            output.append(line)
            if found := SERVING.search(line):
                url = found.group(1)
        yield WebServer(process, url, output)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=10)
        while not lines.empty():
            output.append(lines.get())


def _read_lines(stream: IO[str], lines: queue.Queue[str]) -> None:
    """Every line of `stream`, then "" at its end."""
    for line in stream:
        lines.put(line)
    lines.put("")


def chromium(width: int = 1400, height: int = 900) -> webdriver.Chrome:
    """Headless Chromium that reaches nothing but loopback, recording the app's socket."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    service = Service(executable_path=CHROMEDRIVER, log_output=os.devnull)
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    return driver


class PageTerminal:
    """The terminal the page shows, rebuilt from the recorded socket messages."""

    def __init__(self, driver: webdriver.Chrome) -> None:
        self.driver = driver
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.seen = 0
        self.received = bytearray()
        self.sent: list[Any] = []

    def refresh(self) -> list[str]:
        log: list[list[str]] = self.driver.execute_script(
            "return (window.__elxLog || []).slice(arguments[0]);", self.seen
        )
        self.seen += len(log)
        for direction, data in log:
            if direction == "in":
                chunk = base64.b64decode(data)
                self.received += chunk
                self.stream.feed(chunk)
                continue
            message = json.loads(data)
            self.sent.append(message)
            if message[0] == "resize":
                self.screen.resize(message[1]["height"], message[1]["width"])
        return self.lines()

    def lines(self) -> list[str]:
        return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(self.refresh())

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 60.0) -> str:
        """Poll the page until the screen's text satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if predicate(text):
                return text
            assert time.monotonic() < deadline, f"never saw {what}; the screen:\n{text}"
            time.sleep(0.2)


def type_keys(driver: webdriver.Chrome, keys: str) -> None:
    """Keys as the user types them, into the terminal's keyboard input (focused as a click on
    the page would, without the click reaching the app as a mouse event)."""
    driver.execute_script(
        "document.querySelector(arguments[0]).focus();", ".textual-terminal textarea"
    )
    ActionChains(driver).send_keys(keys).perform()


def save_png(driver: webdriver.Chrome, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(path)), f"could not save {path}"
    return path
