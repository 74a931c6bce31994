"""Colours for filter text: one style per token kind, plus an underline on the problem span."""

from __future__ import annotations

from collections.abc import Callable

from rich.highlighter import Highlighter
from rich.style import Style
from rich.text import Text

from explorer.tui.filter.tokens import Token, TokenKind, tokenize

# Component class of the input (themed in styles/filter.tcss) for each token kind.
TOKEN_COMPONENTS: dict[TokenKind, str] = {
    TokenKind.SELECTOR: "filter--selector",
    TokenKind.OPERATOR: "filter--operator",
    TokenKind.VALUE: "filter--value",
    TokenKind.QUOTED: "filter--quoted",
    TokenKind.NULL: "filter--null",
    TokenKind.AND: "filter--separator",
    TokenKind.OR: "filter--separator",
    TokenKind.PAREN: "filter--paren",
    TokenKind.LIST: "filter--paren",
}
ERROR_COMPONENT = "filter--error"
WARNING_COMPONENT = "filter--warning"
COMPONENTS = {*TOKEN_COMPONENTS.values(), ERROR_COMPONENT, WARNING_COMPONENT}

StyleLookup = Callable[[str], Style]


class FilterHighlighter(Highlighter):
    """Paints tokens through `style_of(component)` and marks the current problem span."""

    def __init__(self, style_of: StyleLookup) -> None:
        self._style_of = style_of
        self.problem: tuple[int, int] | None = None
        self.problem_is_error = True
        self._cache: tuple[str, list[Token]] = ("", [])

    def _tokens(self, plain: str) -> list[Token]:
        # Input renders on every cursor blink; tokenise each distinct text once.
        if self._cache[0] != plain:
            self._cache = (plain, tokenize(plain))
        return self._cache[1]

    def highlight(self, text: Text) -> None:
        plain = text.plain
        for token in self._tokens(plain):
            text.stylize(self._style_of(TOKEN_COMPONENTS[token.kind]), token.start, token.end)
        if self.problem is None:
            return
        start, end = self.problem
        if start >= len(plain):
            # A problem at the very end (text stops too early): mark one cell after it.
            text.append(" ")
            start, end = len(plain), len(plain) + 1
        end = min(max(end, start + 1), len(text.plain))
        component = ERROR_COMPONENT if self.problem_is_error else WARNING_COMPONENT
        text.stylize(self._style_of(component), start, end)
