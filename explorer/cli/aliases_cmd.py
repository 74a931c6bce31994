"""`elx aliases list|add|remove`: the aliases a profile knows per record type.

Elementum has no call that lists a workspace's aliases, so the profile keeps them; `add`
checks the alias with a one-record fetch before saving it. Exit codes: 0 ok, 2 usage,
3 configuration/auth, 4 not found, 5 forbidden, 7 network/server failure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer.api import ElementumClient
from explorer.api.errors import ConfigurationError
from explorer.cli.common import (
    UsageError,
    action_group,
    guarded,
    parse_collection,
    run_command,
)
from explorer.config import save_config
from explorer.config.connect import Target


def _list(args: argparse.Namespace) -> int:
    async def body(target: Target) -> int:
        names: list[str] = []
        if target.profile is not None:
            for record_type, aliases in sorted(target.profile.aliases.items()):
                names.extend(f"{record_type}/{alias}" for alias in aliases)
        for collection in target.collections:
            if collection not in names:
                names.append(collection)
        for name in names:
            print(name)
        if not names:
            print("no aliases yet: add one with `elx aliases add TYPE/ALIAS`", file=sys.stderr)
        return 0

    return run_command(args, body)


def _add(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)

    async def body(target: Target) -> int:
        async with ElementumClient(target.settings) as client:
            page = await client.list_page(record_type, alias, first=1)
        count = f"{page.total} records" if page.total is not None else "reachable"
        if target.profile is None or target.profile.name not in target.config.profiles:
            if target.sandbox:
                print(f"{record_type}/{alias}: {count} (sandbox; not saved)", file=sys.stderr)
                return 0
            raise ConfigurationError("no saved profile to add the alias to")
        added = target.profile.add_alias(record_type, alias)
        save_config(target.config, getattr(args, "config", None))
        state = "added to" if added else "already in"
        print(
            f"{record_type}/{alias}: {count}; {state} profile {target.profile.name!r}",
            file=sys.stderr,
        )
        return 0

    return run_command(args, body)


def _remove(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)

    async def body(target: Target) -> int:
        if target.profile is None or target.profile.name not in target.config.profiles:
            raise ConfigurationError("no saved profile to remove the alias from")
        if not target.profile.remove_alias(record_type, alias):
            raise UsageError(f"profile {target.profile.name!r} has no alias {record_type}/{alias}")
        save_config(target.config, getattr(args, "config", None))
        print(
            f"{record_type}/{alias} removed from profile {target.profile.name!r}", file=sys.stderr
        )
        return 0

    return run_command(args, body)


def register(subparsers: Any) -> None:
    sub = action_group(
        subparsers,
        "aliases",
        "list, add (verified) and remove a profile's aliases",
        "The aliases a profile knows per record type.",
    )

    sub("list", "list the profile's aliases").set_defaults(handler=guarded(_list))
    adding = sub("add", "check an alias with a one-record fetch, then save it")
    adding.add_argument("collection", metavar="TYPE/ALIAS", help="e.g. tasks/ittickets")
    adding.set_defaults(handler=guarded(_add))
    removing = sub("remove", "forget an alias")
    removing.add_argument("collection", metavar="TYPE/ALIAS")
    removing.set_defaults(handler=guarded(_remove))
