"""Opens the Textual app; the only CLI module that imports Textual.

With `--sandbox` the sandbox starts in a process of its own before Textual is even imported,
so the server boots on the other core while the app loads and paints its first frame.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys


def _has_environment_profile() -> bool:
    return bool(os.environ.get("ELEMENTUM_CLIENT_ID") and os.environ.get("ELEMENTUM_CLIENT_SECRET"))


def run_app(args: argparse.Namespace) -> int:
    # Loading Textual creates long-lived objects by the hundred thousand; collecting while
    # they load is wasted work, and freezing them keeps later collections short.
    gc.disable()
    try:
        return _run_app(args)
    finally:
        gc.enable()


def _run_app(args: argparse.Namespace) -> int:
    from explorer.tui.launch import SandboxLauncher, config_session

    # First of all: the sandbox boots while the config, the API client and Textual load.
    launcher = SandboxLauncher().start() if args.sandbox else None
    from explorer.config import ConfigError, load_config

    read_only = bool(getattr(args, "read_only", False))
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(f"elx: {error}", file=sys.stderr)
        return 2

    from explorer.tui.app import ExplorerApp

    def first_page_shown(app: ExplorerApp) -> None:
        # What start-up built (widgets, styles, caches) lives as long as the app: frozen too,
        # later full collections only walk what paging and editing create.
        gc.freeze()

    if launcher is not None:
        factory = launcher.session_factory(config=config, read_only=read_only)
        # Usually up by now: then the app need not start a thread to wait for it.
        app = ExplorerApp(factory() if launcher.ready else factory, on_first_page=first_page_shown)
    elif config.profiles or _has_environment_profile() or args.profile:
        from explorer.api import ConfigurationError

        try:
            session = config_session(config, args.profile, read_only=read_only)
        except (ConfigurationError, ConfigError) as error:
            print(f"elx: {error}", file=sys.stderr)
            return 2
        app = ExplorerApp(session, on_first_page=first_page_shown)
    else:
        from explorer.tui.first_run import FirstRunScreen

        def first_run() -> FirstRunScreen:
            return FirstRunScreen(
                config,
                lambda: (
                    SandboxLauncher().start().session_factory(config=config, read_only=read_only)
                ),
            )

        app = ExplorerApp(None, first_run=first_run)
    gc.freeze()
    gc.enable()
    try:
        app.run()
    finally:
        if app.session is not None:
            app.session.close()
    return app.return_code or 0
