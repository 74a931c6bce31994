"""`elx records list|get|update|create`: read and change records from scripts.

Exit codes are listed in `explorer.cli.common`.
"""

from __future__ import annotations

import argparse
import csv
import json
import shlex
import shutil
import sys
from typing import Any, TextIO

from explorer.api import ElementumClient, OutcomeUnknownError
from explorer.api.export import cell_text
from explorer.cli.common import (
    EXIT_CONFLICT,
    UsageError,
    action_group,
    check_filter,
    guarded,
    parse_assignments,
    parse_collection,
    refuse_if_read_only,
    run_command,
)
from explorer.cli.filter_warnings import warn_about_filter
from explorer.config.connect import Target
from explorer.edits.lookup import lookup_filter
from explorer.edits.saving import changed_meanwhile
from explorer.edits.values import same_value


# -- output -------------------------------------------------------------------------------
def columns_of(records: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for record in records:
        for key in record:
            if key not in columns:
                columns.append(key)
    return columns


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def render_table(records: list[dict[str, Any]], width: int | None = None) -> str:
    """Aligned columns, as many as fit the terminal width, each clipped to a fair share."""
    if not records:
        return ""
    total_width = width or shutil.get_terminal_size((120, 24)).columns
    columns = columns_of(records)
    cells = [[" ".join(cell_text(r.get(c)).split()) for c in columns] for r in records]
    natural = [
        max(len(column), *(len(row[i]) for row in cells)) for i, column in enumerate(columns)
    ]
    widths: list[int] = []
    used = 0
    for i, size in enumerate(natural):
        size = min(size, 40)
        room = total_width - used - (2 if widths else 0)
        if room < min(size, 6):
            break
        size = min(size, room)
        widths.append(size)
        used += size + (2 if i else 0)
    lines = ["  ".join(_clip(c, w).ljust(w) for c, w in zip(columns, widths, strict=False))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_clip(c, w).ljust(w) for c, w in zip(row, widths, strict=False)))
    return "\n".join(line.rstrip() for line in lines)


def write_records(records: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        columns = columns_of(records)
        writer = csv.writer(out)
        writer.writerow(columns)
        for record in records:
            writer.writerow([cell_text(record.get(c)) for c in columns])
    else:
        table = render_table(records)
        if table:
            out.write(table + "\n")


def render_record(record: dict[str, Any]) -> str:
    if not record:
        return ""
    width = max(len(key) for key in record)
    return "\n".join(f"{key.ljust(width)}  {cell_text(value)}" for key, value in record.items())


# -- commands -----------------------------------------------------------------------------
def _list(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)
    filter_text = check_filter(args.filter)
    if args.first is not None and not 1 <= args.first <= 1000:
        raise UsageError("--first must be between 1 and 1000")

    async def body(target: Target) -> int:
        records: list[dict[str, Any]] = []
        total: int | None = None
        async with ElementumClient(target.settings) as client:
            await warn_about_filter(client, record_type, alias, filter_text)
            if args.all:
                async for page in client.iter_pages(
                    record_type, alias, filter=filter_text, page_size=args.first
                ):
                    records.extend(page.records)
                    total = page.total
            else:
                first = args.first or target.settings.page_size
                page = await client.list_page(record_type, alias, first=first, filter=filter_text)
                records, total = page.records, page.total
        write_records(records, args.format, sys.stdout)
        if args.format == "table":
            shown = f"{len(records)} of {total}" if total is not None else str(len(records))
            print(f"{shown} records", file=sys.stderr)
        return 0

    return run_command(args, body)


def _get(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)

    async def body(target: Target) -> int:
        async with ElementumClient(target.settings) as client:
            record = await client.get_record(record_type, alias, args.id)
        _show(record, args.format)
        return 0

    return run_command(args, body)


def _show(record: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(render_record(record))


def _update(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)
    changes = parse_assignments(args.assignments)
    expected = parse_assignments(args.expect or [])

    async def body(target: Target) -> int:
        refuse_if_read_only(target)
        async with ElementumClient(target.settings) as client:
            # Fetched just before the PUT: what --expect is checked against, and what the
            # PUT's answer is compared with to see another writer's change.
            current = await client.get_record(record_type, alias, args.id)
            differing = [n for n, v in expected.items() if not same_value(current.get(n), v)]
            if differing:
                for name in differing:
                    print(
                        f"elx: conflict: {args.id} {name} is {_shown(current.get(name))} on"
                        f" the server, not {_shown(expected[name])} as --expect says",
                        file=sys.stderr,
                    )
                print("elx: nothing was written", file=sys.stderr)
                return EXIT_CONFLICT
            record = await client.update_record(record_type, alias, args.id, changes)
        for name, value in changes.items():
            before = current.get(name)
            if not same_value(before, value):
                print(
                    f"elx: overwrote {args.id} {name}: {_shown(before)} (now {_shown(value)})",
                    file=sys.stderr,
                )
        for name, (had, now) in changed_meanwhile(current, record, changes).items():
            print(
                f"elx: warning: someone else changed {args.id} {name} while this was saved:"
                f" {_shown(had)} before, {_shown(now)} now (this update did not send it)",
                file=sys.stderr,
            )
        _show(record, args.format)
        return 0

    return run_command(args, body)


def _shown(value: Any) -> str:
    """A record value in a message: JSON, so text is quoted and empty reads as null."""
    return json.dumps(value, ensure_ascii=False)


def _create(args: argparse.Namespace) -> int:
    record_type, alias = parse_collection(args.collection)
    data = parse_assignments(args.assignments)

    async def body(target: Target) -> int:
        refuse_if_read_only(target)
        async with ElementumClient(target.settings) as client:
            try:
                record = await client.create_record(record_type, alias, data)
            except OutcomeUnknownError as error:
                print(f"elx: {error.title}: {error.message}", file=sys.stderr)
                print(_lookup_advice(args, data), file=sys.stderr)
                return error.exit_code
        _show(record, args.format)
        return 0

    return run_command(args, body)


def _lookup_advice(args: argparse.Namespace, data: dict[str, Any]) -> str:
    """How to check whether a create whose answer was lost made the record."""
    found_by = lookup_filter(data)
    if found_by is None:
        return f"Check {args.collection} for it before creating it again."
    command = ["elx", "records", "list", args.collection, "--filter", found_by]
    if getattr(args, "profile", None):
        command[1:1] = ["--profile", args.profile]
    return "Check for it before creating it again:\n    " + shlex.join(command)


def register(subparsers: Any) -> None:
    action = action_group(
        subparsers,
        "records",
        "list, show, create and update records",
        "List, show, create and update records of one TYPE/ALIAS.",
    )
    fmt_help = "output format (default: %(default)s)"

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        child = action(name, help_text)
        child.add_argument("collection", metavar="TYPE/ALIAS", help="e.g. tasks/ittickets")
        return child

    listing = sub("list", "list records, one page or all of them")
    listing.add_argument("--filter", "-f", help="RSQL filter, checked before sending")
    listing.add_argument("--first", "-n", type=int, help="page size (1-1000; default: profile)")
    listing.add_argument("--all", action="store_true", help="follow every page")
    listing.add_argument(
        "--format", choices=("table", "json", "jsonl", "csv"), default="table", help=fmt_help
    )
    listing.set_defaults(handler=guarded(_list))

    getting = sub("get", "show one record")
    getting.add_argument("id", metavar="ID", help="the record's handle, e.g. TKT-4")
    getting.add_argument("--format", choices=("table", "json"), default="json", help=fmt_help)
    getting.set_defaults(handler=guarded(_get))

    assign_help = "Field=value (sent as text) or Field:=json (sent as a JSON value)"
    updating = sub("update", "change some fields of a record (a partial update)")
    updating.add_argument("id", metavar="ID", help="the record's handle")
    updating.add_argument("assignments", nargs="+", metavar="Field=value", help=assign_help)
    updating.add_argument(
        "--expect",
        action="append",
        metavar="Field=value",
        help="write only if the server's value is this (Field:=json too); repeatable; exit 8"
        " and nothing written otherwise",
    )
    updating.add_argument("--format", choices=("table", "json"), default="json", help=fmt_help)
    updating.set_defaults(handler=guarded(_update))

    creating = sub("create", "create a record")
    creating.add_argument("assignments", nargs="+", metavar="Field=value", help=assign_help)
    creating.add_argument("--format", choices=("table", "json"), default="json", help=fmt_help)
    creating.set_defaults(handler=guarded(_create))
