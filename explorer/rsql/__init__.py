"""The RSQL engine: one parser for the filter bar, the CLI and the sandbox.

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
