"""The app's "Copy as curl" runs as copied: a real curl, with the token `elx token` prints,
gets the rows the table shows; from the embedded sandbox the copy says the address ends
with the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app_helpers import row_handles, settle

from explorer.sandbox import RunningSandbox
from explorer.tui.app import ExplorerApp
from explorer.tui.launch import SANDBOX_LABEL, sandbox_profile
from explorer.tui.session import Session

FILTER = "Status==Open;Priority=ge=2"


async def test_the_copied_curl_gets_the_rows_of_the_table(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    session = Session(profile=sandbox_profile(sandbox), label=SANDBOX_LABEL, embedded=True)
    app = ExplorerApp(session, state_dir=tmp_path / "state", live_rate=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.apply_filter(FILTER)
        await settle(app, pilot)
        app.action_copy_curl()
        copied = app.clipboard
        rows = row_handles(app)
    note, hint, command = copied.splitlines()
    assert note == (
        f"# {sandbox.base_url} is the app's embedded sandbox: this address lives only as long"
        " as the app (`elx sandbox serve` runs one that stays)"
    )
    assert hint.startswith(
        f"# the token: export ELEMENTUM_TOKEN=$(ELEMENTUM_BASE_URL={sandbox.base_url}"
        f" ELEMENTUM_CLIENT_ID={sandbox.client_id} ELEMENTUM_CLIENT_SECRET="
    )
    assert hint.endswith(" elx token)") and sandbox.client_secret not in copied
    assert command.startswith('curl -sS -H "Authorization: Bearer $ELEMENTUM_TOKEN"')
    # What the person does next: set the token with `elx token`, paste the copy.
    env = {k: v for k, v in os.environ.items() if not k.startswith("ELEMENTUM_")}
    env |= {
        "ELEMENTUM_BASE_URL": sandbox.base_url,
        "ELEMENTUM_CLIENT_ID": sandbox.client_id,
        "ELEMENTUM_CLIENT_SECRET": sandbox.client_secret,
    }
    script = f"export ELEMENTUM_TOKEN=$({sys.executable} -m explorer token)\n{copied}"
    ran = subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert ran.returncode == 0, ran.stderr
    answered = [item["data"]["Handle"] for item in json.loads(ran.stdout)["items"]]
    assert rows and answered == rows
