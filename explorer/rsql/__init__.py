"""The RSQL engine: one parser for the filter bar, the CLI and the sandbox.

- `parse(text, dialect="elementum")` never raises: a ParseResult holds the AST or a
  Diagnostic (0-based offset and length, 1-based column, one-line message, expected tokens).
- Dialects: `elementum` (API.md: selectors with inner spaces, `a:b:c` lists, `=bt=`, `=lk=`,
  `=lki=` and their negations) and `standard` (jirutka rsql-parser 2.1's grammar and
  operators). Both read the one operator table in `operators.py`.
- `format_filter` and `tree` print canonical text and the tree notation; `validate` warns
  about unknown fields and ill-typed values; `complete` says what may come at the cursor;
  `to_sql` compiles to a parameterised SQLite condition for the sandbox: `=lk=` treats `*`
  as any run of characters and, with no `*`, means "contains"; `=lki=` compares characters
  ignoring case as `folding.py` defines it (one-character case folds, so `ǅ` matches `Ǆ`).
- Limits: 4,000 characters (`max_length`), 32 nested groups, 1,000 values in a list; each
  operator's count of values comes from the operator table (`=bt=` exactly two). Parsing is
  linear in the filter's length whatever the input.

Headless core: never imports Textual.
"""

from explorer.rsql.complete import Completion, complete
from explorer.rsql.diagnostics import Diagnostic, RsqlError
from explorer.rsql.format import format_filter, quote_value, tree
from explorer.rsql.nodes import And, Comparison, Node, Or
from explorer.rsql.operators import OPERATORS, Dialect, Operator
from explorer.rsql.parser import ParseResult, parse
from explorer.rsql.sql import SqlColumn, to_sql
from explorer.rsql.validate import validate

__all__ = [
    "OPERATORS",
    "And",
    "Comparison",
    "Completion",
    "Diagnostic",
    "Dialect",
    "Node",
    "Operator",
    "Or",
    "ParseResult",
    "RsqlError",
    "SqlColumn",
    "complete",
    "format_filter",
    "parse",
    "quote_value",
    "to_sql",
    "tree",
    "validate",
]
