"""`elx web --sandbox` in a real browser: the page paints the app, takes keys, filters records,
and never carries a secret.

Set `ELX_UPDATE_SCREENSHOTS=1` (as `make screenshots` does) to keep the page's picture as
`screenshots/browser.png` for the README.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import PageTerminal, chromium, elx_web, save_png, type_keys
from selenium import webdriver

from explorer.sandbox.options import DEMO_CLIENT_SECRET

ROOT = Path(__file__).resolve().parents[2]
# A secret the server's environment holds: nothing of it may reach the browser.
ENV_SECRET = "env-secret-never-in-the-page-7f3a"
FILTER = "Title=lk=Printer*"

pytestmark = pytest.mark.socket


@pytest.fixture
def web_env(tmp_path: Path, sandbox_template: Path) -> dict[str, str]:
    database = tmp_path / "sandbox.sqlite3"
    shutil.copyfile(sandbox_template, database)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ELX_", "ELEMENTUM_"))}
    env.update(
        ELX_SANDBOX_DB=str(database),
        ELX_CONFIG=str(tmp_path / "config.toml"),
        ELX_STATE_DIR=str(tmp_path / "state"),
        ELEMENTUM_CLIENT_SECRET=ENV_SECRET,
    )
    return env


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()


def _table_titles(screen: str) -> list[str]:
    return re.findall(r"ITM-\d+\s+(\S[^│┃]*?)\s{2,}", screen)


def test_the_browser_shows_the_app_and_filters_records(
    web_env: dict[str, str], browser: webdriver.Chrome, tmp_path: Path
) -> None:
    with elx_web(web_env, "--sandbox") as server:
        assert server.url.startswith("http://127.0.0.1:")
        browser.get(server.url)
        terminal = PageTerminal(browser)
        first = terminal.wait_for(
            lambda text: "ITM-1 " in text and "sandbox" in text, "the first page of records"
        )
        assert "tasks/ittickets" in first
        type_keys(browser, "/")
        type_keys(browser, FILTER)
        terminal.wait_for(lambda text: FILTER in text, "the typed filter")
        type_keys(browser, "\n")
        filtered = terminal.wait_for(
            lambda text: (
                "applied" in text
                and all(title.startswith("Printer") for title in _table_titles(text))
                and len(_table_titles(text)) > 0
            ),
            "only printer tickets",
        )
        titles = _table_titles(filtered)
        assert titles and all(title.startswith("Printer") for title in titles), filtered
        picture = save_png(browser, tmp_path / "browser.png")
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        if os.environ.get("ELX_UPDATE_SCREENSHOTS"):
            save_png(browser, ROOT / "screenshots" / "browser.png")
        page = browser.page_source + terminal.received.decode("utf-8", "replace")
        for secret in (ENV_SECRET, DEMO_CLIENT_SECRET):
            assert secret not in page
        assert "Bearer " not in page


def test_elx_web_warns_when_it_listens_beyond_this_machine(web_env: dict[str, str]) -> None:
    with elx_web(web_env, "--sandbox", "--host", "0.0.0.0") as server:
        assert server.url.startswith("http://0.0.0.0:")
    printed = "".join(server.output)
    assert "warning: listening on 0.0.0.0: the page has no login of its own" in printed
