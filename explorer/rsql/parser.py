"""Hand-written lexer and parser for both dialects.

Grammar (both dialects; the Elementum one adds `a:b:c` lists and selectors with inner spaces):

    filter     = or
    or         = and { ("," | " or ") and }
    and        = constraint { (";" | " and ") constraint }
    constraint = "(" or ")" | selector operator arguments
    arguments  = "(" value { "," value } ")" | value
    value      = bare | '"' ... '"' | "'" ... "'"     (a backslash escapes inside quotes)

Three paths, fastest first, all giving the same trees and spans: a filter of simple
comparisons with no whitespace, quotes or groups is read with one scan (`findall` of a row
pattern that matches at every position, so the scan never starts over and stays linear);
otherwise each comparison is tried with one anchored match; anything else (and every error)
goes through the token-by-token path that writes the diagnostics. The parser is iterative: a
stack holds the open groups, so neither long filters nor deep nesting can recurse;
`MAX_DEPTH` bounds the nesting. Every path checks a comparison's number of values against
the operator table (`Operator.min_values`/`max_values`).
"""

from __future__ import annotations

import difflib
import re
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from explorer.rsql.diagnostics import Diagnostic, diagnostic, shown
from explorer.rsql.nodes import And, Comparison, Node, Or, Span
from explorer.rsql.operators import FAMILIAR, MAX_LIST, SPELLINGS, Dialect, Operator

MAX_LENGTH = 4000
MAX_DEPTH = 32
__all__ = ["MAX_DEPTH", "MAX_LENGTH", "MAX_LIST", "ParseResult", "parse"]

_new = tuple.__new__


_ELEM_SEL = re.compile(r"[^\"'();,=<>!~\s]+(?:\s+(?!(?:and|or)(?:\s|\(|$))[^\"'();,=<>!~\s]+)*")
_ELEM_BARE = _ELEM_SEL
_ELEM_BARE_NO_COLON = re.compile(
    r"[^\"'();,=<>!~\s:]+(?:\s+(?!(?:and|or)(?:\s|\(|$))[^\"'();,=<>!~\s:]+)*"
)
_ELEM_WS = re.compile(r"\s*")
_ELEM_SEP = re.compile(r"\s*(?:(;)|(,))\s*|\s+(?:(and)|(or))(?:\s+|(?=\()|$)")

# One match for the common comparison: `selector op value` or `selector op (a,b,c)` with no
# quotes and no spaces inside the list; anything else takes the careful path.
_ELEM_FAST = re.compile(
    r"([^\"'();,=<>!~\s]+(?:\s+(?!(?:and|or)(?:\s|\(|$))[^\"'();,=<>!~\s]+)*)\s*"
    r"(==|!=|[=!][A-Za-z]*=|[<>]=?)\s*"
    r"(?:([^\"'();,=<>!~\s]+(?:\s+(?!(?:and|or)(?:\s|\(|$))[^\"'();,=<>!~\s]+)*)"
    r"|\(([^\"'();,=<>!~\s]+(?:,[^\"'();,=<>!~\s]+)*)\))"
    r"([;,])?"
)
# The same without any whitespace: cheaper, and tried first. A bare value must not be followed
# by whitespace (it could go on, as in `In Progress`), so such text takes the pattern above.
_ELEM_SIMPLE = re.compile(
    r"([^\"'();,=<>!~\s]++)(==|!=|[=!][A-Za-z]*=|[<>]=?)"
    r"(?:([^\"'();,=<>!~\s]++)(?!\s)|\(([^\"'();,=<>!~\s]+(?:,[^\"'();,=<>!~\s]+)*)\))"
    r"([;,])?"
)
_STD_FAST = re.compile(
    r"([^\"'();,=<>!~ \t]+)[ \t]*(==|!=|[=!][A-Za-z]*=|[<>]=?)[ \t]*"
    r"(?:([^\"'();,=<>!~ \t]+)|\(([^\"'();,=<>!~ \t]+(?:,[^\"'();,=<>!~ \t]+)*)\))"
    r"([;,])?"
)
_STD_SEL = re.compile(r"[^\"'();,=<>!~ \t]+")
_STD_WS = re.compile(r"[ \t]*")
_STD_SEP = re.compile(r"[ \t]*(?:(;)|(,)|( and )|( or ))[ \t]*")


def _rows(selector_char: str) -> re.Pattern[str]:
    """The one-scan pattern: per match a comparison with no whitespace inside and the
    separator after it, as (selector, operator, value, list inside its parentheses,
    separator); where no such comparison starts, the rest of the text in one match with
    every group empty. So the matches tile the text, `findall` never starts over at a later
    position, and as every repeat is possessive the scan reads each character a bounded
    number of times."""
    c = selector_char
    return re.compile(
        rf"({c}++)([=!][A-Za-z]*+=|[<>]=?+)(?:({c}++)|\(({c}++(?:,{c}++)*+)\))([;,]?+)"
        r"|(?s:.)++"
    )


_ELEM_ROWS = _rows(r"[^\"'();,=<>!~\s]")
# The same for ASCII text, with the whitespace spelled out: a cheaper character test.
# (`\s` and `str.isspace` count \x1c-\x1f as whitespace too.)
_ELEM_ROWS_ASCII = _rows(r"[^\"'();,=<>!~ \t\n\r\f\v\x1c-\x1f]")
_STD_ROWS = _rows(r"[^\"'();,=<>!~ \t]")

OPERATOR_PATTERN = re.compile(r"==|!=|[=!][A-Za-z]*=|[<>]=?")
_OPEN_OPERATOR = re.compile(r"[=!][A-Za-z]+")
# Possessive, so an unclosed quote fails after one pass instead of backing off character by
# character.
_DOUBLE = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)
_SINGLE = re.compile(r"'(?:[^'\\]++|\\.)*+'", re.S)
_ESCAPE = re.compile(r"\\(.)", re.S)


class ParseResult(tuple[Any, ...]):
    """The AST of a valid filter, or the diagnostic of an invalid one: `(ast, diagnostic)`."""

    __slots__ = ()

    def __new__(cls, ast: Node | None, diagnostic: Diagnostic | None) -> ParseResult:
        return _new(cls, (ast, diagnostic))

    if TYPE_CHECKING:

        @property
        def ast(self) -> Node | None: ...

        @property
        def diagnostic(self) -> Diagnostic | None: ...

    else:
        ast = property(itemgetter(0))
        diagnostic = property(itemgetter(1))

    @property
    def ok(self) -> bool:
        return self[0] is not None

    def __repr__(self) -> str:
        return f"ParseResult(ast={self[0]!r}, diagnostic={self[1]!r})"

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)


class _Fail(Exception):
    def __init__(self, diag: Diagnostic) -> None:
        self.diag = diag


def _fail(offset: int, length: int, message: str, expected: tuple[str, ...] = ()) -> _Fail:
    return _Fail(diagnostic(offset, length, message, expected))


def _show(text: str) -> str:
    """A token as a person reads it in a message."""
    return "end of filter" if not text else repr(text)


class Syntax:
    """The token patterns of one dialect."""

    __slots__ = (
        "any_space",
        "bare",
        "bare_no_colon",
        "colon_lists",
        "dialect",
        "fast",
        "lists",
        "operators",
        "rows",
        "rows_ascii",
        "sel",
        "sep",
        "simple",
        "singles",
        "spaces",
        "ws",
    )

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        elementum = dialect is Dialect.ELEMENTUM
        self.sel = _ELEM_SEL if elementum else _STD_SEL
        self.fast = _ELEM_FAST if elementum else _STD_FAST
        self.simple = _ELEM_SIMPLE if elementum else _STD_FAST
        self.rows = _ELEM_ROWS if elementum else _STD_ROWS
        self.rows_ascii = _ELEM_ROWS_ASCII if elementum else _STD_ROWS
        self.bare = _ELEM_BARE if elementum else _STD_SEL
        self.bare_no_colon = _ELEM_BARE_NO_COLON if elementum else _STD_SEL
        self.ws = _ELEM_WS if elementum else _STD_WS
        self.spaces = " \t\n\r\f\v" if elementum else " \t"
        # Elementum treats every Unicode space as whitespace; the standard grammar skips
        # only space and tab.
        self.any_space = elementum
        self.sep = _ELEM_SEP if elementum else _STD_SEP
        self.colon_lists = elementum
        self.operators = SPELLINGS[dialect]
        # The operators split by whether they take one value or a list, for the one-scan path.
        self.singles = {s: op for s, op in self.operators.items() if op.max_values == 1}
        self.lists = {s: op for s, op in self.operators.items() if op.max_values != 1}

    def skip(self, text: str, pos: int) -> int:
        """The offset after the whitespace at `pos`."""
        if pos < len(text) and (
            text[pos] in self.spaces or (self.any_space and text[pos].isspace())
        ):
            m = self.ws.match(text, pos)
            if m is not None:
                return m.end()
        return pos


SYNTAX: dict[str, Syntax] = {d.value: Syntax(d) for d in Dialect}
_EXPECT_AFTER = (";", ",", ")", "end of filter")


def parse(
    text: str,
    dialect: Dialect | str = "elementum",
    *,
    max_length: int | None = MAX_LENGTH,
) -> ParseResult:
    """Parse `text`; never raises. A blank filter is the error "the filter is empty".

    `max_length` bounds the filter's length (None lifts the bound, e.g. for benchmarks).
    """
    syntax = SYNTAX.get(dialect)
    if syntax is None:
        return ParseResult(None, diagnostic(0, 0, f"unknown dialect {dialect!r}"))
    if max_length is not None and len(text) > max_length:
        return ParseResult(
            None,
            diagnostic(
                max_length,
                len(text) - max_length,
                f"the filter is longer than {max_length} characters",
            ),
        )
    if not text or text.isspace():
        return ParseResult(None, diagnostic(0, len(text), "the filter is empty", ("field",)))
    flat = _flat(text, syntax)
    if flat is not None:
        return _new(ParseResult, (flat, None))
    try:
        return ParseResult(_parse(text, syntax), None)
    except _Fail as failure:
        return ParseResult(None, failure.diag)


def _flat(text: str, syntax: Syntax) -> Node | None:
    """The AST of a filter made only of simple comparisons and `;`/`,` with no whitespace,
    quotes or groups (most filters), read with one scan; None sends it to the full parser.

    The per-row work is kept to a minimum: this loop is most of the cost of a typical parse."""
    rows = (syntax.rows_ascii if text.isascii() else syntax.rows).findall(text)
    # The row pattern's catch-all (empty groups) can only be last; so can only a row
    # without a separator.
    last_row = rows[-1]
    if last_row[4] or not last_row[0]:
        return None
    singles = syntax.singles
    lists = syntax.lists
    colon_lists = syntax.colon_lists
    new = _new
    # Shared by the comparisons: their spans follow from the rows when asked for.
    layout = [rows]
    and_items: list[Node] = []
    append = and_items.append
    or_items: list[Node] = []
    index = 0
    for selector, spelled, value, listed, joiner in rows:
        if value:
            op = singles.get(spelled)
            if op is None:
                op = lists.get(spelled)
                # A list operator's bare value may be an `a:b` list: the full parser reads it.
                if op is None or op.min_values != 1 or (colon_lists and ":" in value):
                    return None
            append(new(Comparison, (selector, op, (value,), layout, index)))
        else:
            op = singles.get(spelled) or lists.get(spelled)
            if op is None:
                return None
            items = listed.split(",")
            if not op.min_values <= len(items) <= op.max_values:
                return None
            append(new(Comparison, (selector, op, tuple(items), layout, index)))
        if joiner != ";":
            if not joiner:
                break
            or_items.append(and_items[0] if len(and_items) == 1 else And(and_items))
            and_items = []
            append = and_items.append
        index += 1
    # Only the last row may lack a separator.
    if index != len(rows) - 1:
        return None
    last = and_items[0] if len(and_items) == 1 else And(and_items)
    if not or_items:
        return last
    or_items.append(last)
    return Or(or_items)


def _combine(items: list[Node], kind: type[And] | type[Or]) -> Node:
    if len(items) == 1:
        return items[0]
    return kind(items)


def _parse(text: str, syntax: Syntax) -> Node:
    n = len(text)
    skip = syntax.skip
    fast = syntax.fast.match
    simple = syntax.simple.match
    operators = syntax.operators
    colon_lists = syntax.colon_lists
    sep = syntax.sep.match
    # Each open group saves (and_items, or_items, offset of its '(').
    stack: list[tuple[list[Node], list[Node], int]] = []
    and_items: list[Node] = []
    or_items: list[Node] = []
    pos = skip(text, 0)
    # Where the last separator or '(' was, for "expected a field name after ..." messages.
    after = (0, 0)
    while True:
        # A constraint: a group or a comparison.
        if pos < n and text[pos] == "(":
            if len(stack) >= MAX_DEPTH:
                raise _fail(pos, 1, f"groups are nested deeper than {MAX_DEPTH} levels")
            stack.append((and_items, or_items, pos))
            and_items = []
            or_items = []
            after = (pos, pos + 1)
            pos = skip(text, pos + 1)
            continue
        node: Comparison | None = None
        fm = simple(text, pos) or fast(text, pos)
        if fm is not None:
            op = operators.get(fm.group(2))
            if op is not None:
                regs = fm.regs
                selector, value, listed, joiner = fm.group(1, 3, 4, 5)
                end = regs[4][1] + 1 if value is None else regs[3][1]
                if value is not None:
                    if op.min_values == 1 and not (
                        colon_lists and op.max_values != 1 and ":" in value
                    ):
                        node = _new(
                            Comparison,
                            (selector, op, (value,), ((pos, end), regs[1], regs[2], (regs[3],))),
                        )
                else:
                    items = listed.split(",")
                    if op.min_values <= len(items) <= op.max_values:
                        offset = regs[4][0]
                        spans: list[Span] = []
                        for item in items:
                            item_end = offset + len(item)
                            spans.append((offset, item_end))
                            offset = item_end + 1
                        node = _new(
                            Comparison,
                            (
                                selector,
                                op,
                                tuple(items),
                                ((pos, end), regs[1], regs[2], tuple(spans)),
                            ),
                        )
                if node is not None and joiner is not None:
                    # The separator right after the comparison came with the same match.
                    and_items.append(node)
                    if joiner == ",":
                        or_items.append(_combine(and_items, And))
                        and_items = []
                    after = (end, end + 1)
                    pos = skip(text, end + 1)
                    continue
        if node is None:
            node, pos = _comparison(text, pos, syntax, after)
        else:
            pos = end
        and_items.append(node)
        # After a constraint: a separator, a closing ')' or the end.
        while True:
            m = sep(text, pos)
            if m is not None:
                if m.lastindex in (2, 4):
                    or_items.append(_combine(and_items, And))
                    and_items = []
                after = m.span()
                pos = m.end()
                break
            pos = skip(text, pos)
            if pos >= n:
                if stack:
                    opened = stack[-1][2]
                    raise _fail(opened, 1, f"unclosed '(' opened at column {opened + 1}", (")",))
                or_items.append(_combine(and_items, And))
                return _combine(or_items, Or)
            char = text[pos]
            if char == ")":
                if not stack:
                    raise _fail(
                        pos, 1, f"unbalanced ')' at column {pos + 1}", (";", ",", "end of filter")
                    )
                or_items.append(_combine(and_items, And))
                group = _combine(or_items, Or)
                and_items, or_items, _ = stack.pop()
                and_items.append(group)
                pos += 1
                continue
            raise _unexpected_after_value(text, pos, syntax)


# Possessive: the spaces, the word and the spaces split one way only, so a miss costs one pass.
_SHOUTED_WORD = re.compile(r"\s((?i:and|or))\s++[^\s;,()]*+\s*+$")


def _unexpected_after_value(text: str, pos: int, syntax: Syntax) -> _Fail:
    char = text[pos]
    shouted = _SHOUTED_WORD.search(text, 0, pos) if char in "=<>!~" else None
    if shouted is not None and shouted.group(1) not in ("and", "or"):
        # `a==1 AND b==2`: the value ran on over a word meant as a separator.
        word = shouted.group(1)
        return _fail(
            shouted.start(1),
            len(word),
            f"{word!r} is not a separator: write 'and'/'or' in lower case, or ';'/','",
            _EXPECT_AFTER,
        )
    if char in "=<>!~":
        return _fail(
            pos,
            1,
            f"unexpected {char!r}: quote a value that contains {char!r}, "
            "or put ';' or ',' between comparisons",
            _EXPECT_AFTER,
        )
    if char in "\"'(":
        return _fail(
            pos, 1, f"unexpected {char!r} after a value; expected ';' or ','", _EXPECT_AFTER
        )
    m = syntax.bare.match(text, pos)
    word = m.group() if m else char
    if word.split() and word.split()[0].lower() in ("and", "or"):
        return _fail(
            pos,
            len(word.split()[0]),
            f"{word.split()[0]!r} is not a separator: write 'and'/'or' in lower case, or ';'/','",
            _EXPECT_AFTER,
        )
    return _fail(
        pos,
        len(word),
        f"expected ';' or ',' before {shown(word)}",
        _EXPECT_AFTER,
    )


def _comparison(
    text: str, pos: int, syntax: Syntax, after: tuple[int, int]
) -> tuple[Comparison, int]:
    n = len(text)
    start = pos
    m = syntax.sel.match(text, pos)
    if m is None:
        if pos >= n:
            word = text[after[0] : after[1]].strip()
            where = f" after {word!r}" if word else ""
            raise _fail(pos, 0, f"expected a field name{where}", ("field",))
        char = text[pos]
        if char in "\"'":
            raise _fail(pos, 1, "field names are not quoted; write the name bare", ("field",))
        if char == ")":
            raise _fail(pos, 1, f"expected a field name before ')' at column {pos + 1}", ("field",))
        raise _fail(pos, 1, f"expected a field name, not {char!r}", ("field",))
    selector = m.group()
    sel_end = m.end()
    pos = syntax.skip(text, sel_end)
    om = OPERATOR_PATTERN.match(text, pos)
    if om is None:
        raise _operator_missing(text, pos, selector, syntax)
    spelling = om.group()
    op = syntax.operators.get(spelling)
    op_start = pos
    op_end = om.end()
    if op is None:
        raise _unknown_operator(spelling, op_start, syntax)
    pos = syntax.skip(text, op_end)
    args: list[str] = []
    spans: list[Span] = []
    if pos < n and text[pos] == "(":
        list_start = pos
        pos = syntax.skip(text, pos + 1)
        while True:
            value, vstart, pos = _value(text, pos, syntax, op, op_start, op_end, True)
            args.append(value)
            spans.append((vstart, pos))
            if len(args) > MAX_LIST:
                raise _fail(vstart, pos - vstart, f"{spelling} takes at most {MAX_LIST} values")
            pos = syntax.skip(text, pos)
            char = text[pos] if pos < n else ""
            if char == ")":
                pos += 1
                break
            if char == ",":
                pos = syntax.skip(text, pos + 1)
                continue
            if not char:
                raise _fail(
                    list_start,
                    1,
                    f"unclosed '(' opened at column {list_start + 1}",
                    (",", ")"),
                )
            raise _fail(
                pos, 1, f"expected ',' or ')' in the list of values, not {char!r}", (",", ")")
            )
    else:
        value, vstart, pos = _value(text, pos, syntax, op, op_start, op_end, False)
        args.append(value)
        spans.append((vstart, pos))
        if op.max_values != 1 and syntax.colon_lists:
            while pos < n and text[pos] == ":":
                value, vstart, pos = _value(text, pos + 1, syntax, op, op_start, op_end, False)
                args.append(value)
                spans.append((vstart, pos))
                if len(args) > MAX_LIST:
                    raise _fail(vstart, pos - vstart, f"{spelling} takes at most {MAX_LIST} values")
    if not op.min_values <= len(args) <= op.max_values:
        wanted, expected = op.arity.wanted
        raise _fail(
            spans[0][0],
            spans[-1][1] - spans[0][0],
            f"{spelling} takes {wanted}",
            (expected,),
        )
    node = _new(
        Comparison,
        (
            selector,
            op,
            tuple(args),
            ((start, pos), (start, sel_end), (op_start, op_end), tuple(spans)),
        ),
    )
    return node, pos


def _value(
    text: str,
    pos: int,
    syntax: Syntax,
    op: Operator,
    op_start: int,
    op_end: int,
    in_list: bool,
) -> tuple[str, int, int]:
    """One value at `pos`: (its text, its start, the offset after it)."""
    n = len(text)
    char = text[pos] if pos < n else ""
    if char == '"' or char == "'":
        m = (_DOUBLE if char == '"' else _SINGLE).match(text, pos)
        if m is None:
            raise _fail(
                pos, n - pos, f"unclosed quote opened at column {pos + 1}", (f"closing {char}",)
            )
        raw = m.group()[1:-1]
        if "\\" in raw:
            raw = _ESCAPE.sub(r"\1", raw)
        return raw, pos, m.end()
    pattern = syntax.bare if in_list or op.max_values == 1 else syntax.bare_no_colon
    m = pattern.match(text, pos)
    if m is None:
        spelling = text[op_start:op_end]
        if char and char in "=<>!~":
            raise _fail(
                pos,
                1,
                f"unexpected {char!r} after {spelling}; quote a value that contains {char!r}",
                ("value",),
            )
        found = "" if not char else f", not {char!r}"
        raise _fail(pos, 1 if char else 0, f"expected a value after {spelling}{found}", ("value",))
    return m.group(), pos, m.end()


def _operator_missing(text: str, pos: int, selector: str, syntax: Syntax) -> _Fail:
    n = len(text)
    expected = tuple(syntax.operators)
    if pos >= n:
        return _fail(pos, 0, f"expected an operator after {shown(selector)}", expected)
    char = text[pos]
    om = _OPEN_OPERATOR.match(text, pos)
    if om is not None and any(s.startswith(om.group()) for s in syntax.operators):
        # The start of a real operator without its closing '=', e.g. `=gt`.
        return _fail(
            pos,
            om.end() - pos,
            f"operator {om.group()} is not closed; did you mean {om.group()}=?",
            expected,
        )
    if char == "=":
        return _fail(pos, 1, "'=' alone is not an operator; did you mean ==?", expected)
    if char == "!":
        return _fail(pos, 1, "'!' alone is not an operator; did you mean !=?", expected)
    return _fail(
        pos, 1, f"expected an operator after {shown(selector)}, not {_show(char)}", expected
    )


def _unknown_operator(spelling: str, offset: int, syntax: Syntax) -> _Fail:
    known = list(syntax.operators)
    if spelling in SPELLINGS[Dialect.ELEMENTUM]:
        return _fail(
            offset,
            len(spelling),
            f"operator {spelling} is not part of the {syntax.dialect.value} dialect",
            tuple(known),
        )
    lowered = spelling.lower()
    close: list[str] = []
    if lowered in syntax.operators:
        close = [lowered]
    elif lowered in FAMILIAR and FAMILIAR[lowered] in syntax.operators.values():
        close = [FAMILIAR[lowered].spelling(syntax.dialect)]
    else:
        close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]}?" if close else ""
    return _fail(offset, len(spelling), f"operator {spelling} is unknown{hint}", tuple(known))
