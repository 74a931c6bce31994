"""What every layer agrees on about records: the record types, the default page size and
the key a record's id is read from unless a profile says otherwise (API.md)."""

from __future__ import annotations

# The `recordType` path segment: `/{recordType}/{alias}`.
RECORD_TYPES: tuple[str, ...] = ("apps", "elements", "tasks", "transactions")
# Records per page when a list call does not say (`first`/`last` default).
DEFAULT_PAGE_SIZE = 100
# The record key holding its handle (`ITM-4`), the id in record paths.
DEFAULT_ID_KEY = "Handle"
