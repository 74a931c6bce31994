"""Colours for filter text: one style per token kind, plus an underline on the problem span."""

from __future__ import annotations

from collections.abc import Callable

from rich.highlighter import Highlighter
from rich.style import Style
from rich.text import Span, Text

from explorer.tui.filter.tokens import TokenKind, tokenize

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
COMPONENT_ORDER = (*dict.fromkeys(TOKEN_COMPONENTS.values()), ERROR_COMPONENT, WARNING_COMPONENT)
COMPONENTS = set(COMPONENT_ORDER)

StyleLookup = Callable[[str], Style]


class FilterHighlighter(Highlighter):
    """Paints tokens through `style_of(component)` and marks the current problem span."""

    def __init__(self, style_of: StyleLookup) -> None:
        self._style_of = style_of
        self.problems: tuple[tuple[int, int], ...] = ()
        self.problem_is_error = True
        self._cache_key: tuple[object, ...] = ()
        self._cache: tuple[list[Span], bool] = ([], False)

    def highlight(self, text: Text) -> None:
        # Input asks for its text several times per keystroke and on every cursor blink, so
        # the spans are computed once per (text, problem, theme styles).
        plain = text.plain
        styles = tuple(self._style_of(component) for component in COMPONENT_ORDER)
        key = (plain, self.problems, self.problem_is_error, styles)
        if key != self._cache_key:
            self._cache_key = key
            self._cache = self._spans(plain, dict(zip(COMPONENT_ORDER, styles, strict=True)))
        spans, pad = self._cache
        if pad:
            text.append(" ")
        text.spans.extend(spans)

    def _spans(self, plain: str, styles: dict[str, Style]) -> tuple[list[Span], bool]:
        """The styled spans for `plain`, and whether a cell must be added to mark its end."""
        spans = [
            Span(token.start, token.end, styles[TOKEN_COMPONENTS[token.kind]])
            for token in tokenize(plain)
        ]
        style = styles[ERROR_COMPONENT if self.problem_is_error else WARNING_COMPONENT]
        pad = False
        for start, end in self.problems:
            at_end = start >= len(plain)
            if at_end:
                # A problem at the very end (the text stops too early): mark one cell after it.
                pad = True
                start, end = len(plain), len(plain) + 1
            end = min(max(end, start + 1), len(plain) + at_end)
            spans.append(Span(start, end, style))
        return spans, pad
