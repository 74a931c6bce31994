"""The filter bar's warnings on the command line: unknown fields and values that cannot be of
their field's kind (`Priority==high`), worded by the one validator in `explorer.rsql`.

The fields and their kinds are learnt as the app learns them, from the alias's first page
of records; a filter that parses is still sent, since a warning may be a false alarm.
"""

from __future__ import annotations

import sys
from typing import TextIO

from explorer.api import ApiError, ElementumClient
from explorer.edits.fields import infer_profiles
from explorer.records import DEFAULT_PAGE_SIZE
from explorer.rsql import Diagnostic, parse, validate


def warning_text(filter_text: str, warning: Diagnostic) -> str:
    """`elx: warning: column N: message` and the filter with carets under the span."""
    marks = " " * warning.offset + "^" * max(1, warning.length)
    return (
        f"elx: warning: column {warning.column}: {warning.message}\n    {filter_text}\n    {marks}"
    )


async def filter_warnings(
    client: ElementumClient, record_type: str, alias: str, filter_text: str | None
) -> list[Diagnostic]:
    """What the filter bar would warn about `filter_text` on this alias (none without a
    filter, or when the alias's records cannot be read: the real call then says why)."""
    if not filter_text:
        return []
    result = parse(filter_text)
    if result.ast is None:
        return []
    try:
        sample = await client.list_page(record_type, alias, first=DEFAULT_PAGE_SIZE)
    except ApiError:
        return []
    fields = {name: p.kind for name, p in infer_profiles(sample.records).items()}
    return validate(result.ast, fields) if fields else []


async def warn_about_filter(
    client: ElementumClient,
    record_type: str,
    alias: str,
    filter_text: str | None,
    stream: TextIO | None = None,
) -> None:
    """Print the filter's warnings on stderr (or `stream`) before its records are fetched."""
    out = stream or sys.stderr
    for warning in await filter_warnings(client, record_type, alias, filter_text):
        print(warning_text(filter_text or "", warning), file=out)
