"""Opaque page cursors: base64 of `<scope>|<row id>|<tag>`, like the spec's `<collection>|<offset>`.

The tag is a keyed BLAKE2b hash of the rest under the database's secret, so the server can
tell a cursor it minted for this scope from one made up or taken from another list (a 400).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac


class CursorError(ValueError):
    """A cursor this server did not mint for this scope."""


class Cursors:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _tag(self, body: str) -> str:
        return hashlib.blake2b(body.encode(), key=self._secret, digest_size=8).hexdigest()

    def mint(self, scope: str, row_id: int) -> str:
        body = f"{scope}|{row_id}"
        return base64.urlsafe_b64encode(f"{body}|{self._tag(body)}".encode()).decode()

    def read(self, scope: str, cursor: str) -> int:
        """The row id inside `cursor`; raises CursorError unless it was minted for `scope`."""
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            text = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
            body, tag = text.rsplit("|", 1)
            cursor_scope, row_text = body.rsplit("|", 1)
            row_id = int(row_text)
        except (ValueError, UnicodeError, binascii.Error) as error:
            raise CursorError(f"the cursor '{cursor}' is not one this server issued") from error
        if not hmac.compare_digest(tag, self._tag(body)):
            raise CursorError(f"the cursor '{cursor}' is not one this server issued")
        if cursor_scope != scope:
            raise CursorError(f"the cursor '{cursor}' belongs to another list ({cursor_scope})")
        return row_id
