"""The filter bar's single-line editor: RSQL colouring and the keys of the `filter` scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.widgets import Input

from explorer.tui import actions
from explorer.tui.filter.highlighting import COMPONENTS, FilterHighlighter
from explorer.tui.filter.theming import component_style

if TYPE_CHECKING:
    from explorer.tui.filter.bar import FilterBar

PLACEHOLDER = "RSQL filter, e.g. Status==Open;Priority=ge=3   (Tab completes, ↑↓ history)"


class FilterInput(Input):
    """The single-line editor; it owns the filter keys and hands them to its bar."""

    BINDINGS: ClassVar[list[BindingType]] = list(actions.bindings("filter"))
    COMPONENT_CLASSES: ClassVar[set[str]] = Input.COMPONENT_CLASSES | COMPONENTS

    def __init__(self, bar: FilterBar) -> None:
        self.bar = bar
        self.filter_highlighter = FilterHighlighter(self._component_style)
        super().__init__(
            placeholder=PLACEHOLDER,
            highlighter=self.filter_highlighter,
            select_on_focus=False,
            id="filter-input",
        )

    def _component_style(self, component: str) -> Style:
        return component_style(self, component)

    # Moving the cursor leaves the completed word: the dropdown would offer a stale span.

    def action_cursor_left(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_cursor_right_word(select)

    def action_home(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_home(select)

    def action_end(self, select: bool = False) -> None:
        self.bar.completions.close()
        super().action_end(select)

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        self.bar.completions.close()
        await super()._on_mouse_down(event)

    def watch_value(self, value: str) -> None:
        # Check at once, not when Input.Changed arrives: the diagnostic is then ready for the
        # very frame that shows the new text.
        if value != self.bar.check.text:
            self.bar.validate_now()

    # The filter actions of the registry.

    def action_apply_filter(self) -> None:
        self.bar.action_apply_filter()

    def action_leave_filter(self) -> None:
        self.bar.action_leave_filter()

    def action_complete(self) -> None:
        self.bar.action_complete()

    def action_history_back(self) -> None:
        self.bar.action_history_back()

    def action_history_forward(self) -> None:
        self.bar.action_history_forward()

    def action_save_filter(self) -> None:
        self.bar.action_save_filter()
