"""`elx rsql check|fmt|encode`: the RSQL engine on the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any
from urllib.parse import quote

from explorer.kinds import FieldKind
from explorer.rsql import Diagnostic, Dialect, format_filter, parse, tree, validate


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "rsql",
        help="check, format and encode RSQL filters",
        description="Check, format and URL-encode RSQL filters without a server.",
    )
    actions = parser.add_subparsers(dest="rsql_command", metavar="ACTION", required=True)

    check = actions.add_parser("check", help="say whether a filter is valid, and where not")
    _common(check)
    check.add_argument("--tree", action="store_true", help="print the tree instead of the text")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.add_argument(
        "--fields",
        default=None,
        help="known fields, comma-separated, as Name or Name:KIND (warns about others)",
    )
    check.set_defaults(handler=_check)

    fmt = actions.add_parser("fmt", help="print a filter's canonical form")
    _common(fmt)
    fmt.set_defaults(handler=_fmt)

    encode = actions.add_parser("encode", help="print a filter as a URL-encoded filter= parameter")
    _common(encode)
    encode.set_defaults(handler=_encode)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialect",
        choices=[d.value for d in Dialect],
        default=Dialect.ELEMENTUM.value,
        help="elementum (default) or standard (rsql-parser 2.1)",
    )
    parser.add_argument("filter", metavar="FILTER", help="the filter, quoted for the shell")


def parse_fields(spec: str) -> dict[str, FieldKind]:
    """`Status:PICKLIST,Title` -> {"Status": PICKLIST, "Title": TEXT}; a bad kind is an error."""
    fields: dict[str, FieldKind] = {}
    for item in spec.split(","):
        name, _, kind = item.strip().partition(":")
        name = name.strip()
        if not name:
            continue
        try:
            fields[name] = FieldKind(kind.strip().upper()) if kind.strip() else FieldKind.TEXT
        except ValueError:
            known = ", ".join(k.value for k in FieldKind)
            raise argparse.ArgumentTypeError(
                f"unknown field kind {kind!r} for {name!r}; use one of {known}"
            ) from None
    return fields


def caret_report(text: str, diag: Diagnostic) -> str:
    """The filter's line with the problem, a caret line under the offending span (kept to
    that line), and the message; a filter over several lines names the line too."""
    label = "error" if diag.severity == "error" else "warning"
    start = text.rfind("\n", 0, diag.offset) + 1
    end = text.find("\n", diag.offset)
    end = len(text) if end < 0 else end
    at = diag.offset - start
    marks = " " * at + "^" * max(1, min(diag.length, end - diag.offset))
    where = f"column {diag.column}"
    if "\n" in text:
        line_number = text.count("\n", 0, diag.offset) + 1
        where = f"line {line_number}, column {at + 1}"
    lines = [f"  {text[start:end]}", f"  {marks}", f"{label}: {where}: {diag.message}"]
    if diag.severity == "error" and diag.expected and len(diag.expected) <= 8:
        lines.append("expected: " + " ".join(diag.expected))
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    result = parse(args.filter, args.dialect)
    if result.ast is None:
        assert result.diagnostic is not None
        if args.json:
            print(json.dumps({"ok": False, "diagnostic": result.diagnostic.to_json()}))
        else:
            print(caret_report(args.filter, result.diagnostic))
        return 1
    warnings: list[Diagnostic] = []
    if args.fields is not None:
        try:
            fields = parse_fields(args.fields)
        except argparse.ArgumentTypeError as error:
            print(f"error: {error}")
            return 2
        warnings = validate(result.ast, fields)
    canonical = format_filter(result.ast, args.dialect)
    shape = tree(result.ast, args.dialect)
    if args.json:
        payload = {
            "ok": True,
            "canonical": canonical,
            "tree": shape,
            "warnings": [w.to_json() for w in warnings],
        }
        print(json.dumps(payload))
        return 0
    print(shape if args.tree else canonical)
    for warning in warnings:
        print(caret_report(args.filter, warning))
    return 0


def _fmt(args: argparse.Namespace) -> int:
    result = parse(args.filter, args.dialect)
    if result.ast is None:
        assert result.diagnostic is not None
        print(caret_report(args.filter, result.diagnostic))
        return 1
    print(format_filter(result.ast, args.dialect))
    return 0


def _encode(args: argparse.Namespace) -> int:
    result = parse(args.filter, args.dialect)
    if result.ast is None:
        assert result.diagnostic is not None
        print(caret_report(args.filter, result.diagnostic))
        return 1
    print("filter=" + quote(format_filter(result.ast, args.dialect), safe=""))
    return 0
