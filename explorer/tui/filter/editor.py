"""The filter bar's single-line editor: RSQL colouring and the keys of the `filter` scope.

The editor knows its bar only as an `EditorOwner`: the keys it holds run the owner's actions,
and it tells the owner when the text changes or the cursor leaves the word being completed.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.widgets import Input

from explorer.tui import actions
from explorer.tui.filter.highlighting import COMPONENTS, FilterHighlighter
from explorer.tui.filter.theming import component_style

PLACEHOLDER = "RSQL filter, e.g. Status==Open;Priority=ge=3   (Tab completes, ↑↓ history)"


class EditorOwner(Protocol):
    """What the editor asks of the widget around it (the filter bar)."""

    def text_changed(self, value: str) -> None:
        """The text is now `value`: check it before the frame that shows it."""

    def cursor_left_word(self) -> None:
        """The cursor moved by itself: an open dropdown would offer a stale span."""

    def action_apply_filter(self) -> None: ...
    def action_leave_filter(self) -> None: ...
    def action_complete(self) -> None: ...
    def action_history_back(self) -> None: ...
    def action_history_forward(self) -> None: ...
    def action_save_filter(self) -> None: ...


class FilterInput(Input):
    """The single-line editor; it owns the filter keys and hands them to its owner."""

    BINDINGS: ClassVar[list[BindingType]] = list(actions.bindings("filter"))
    COMPONENT_CLASSES: ClassVar[set[str]] = Input.COMPONENT_CLASSES | COMPONENTS

    def __init__(self, owner: EditorOwner) -> None:
        self.owner = owner
        self.filter_highlighter = FilterHighlighter(self._style_of)
        super().__init__(
            placeholder=PLACEHOLDER,
            highlighter=self.filter_highlighter,
            select_on_focus=False,
            id="filter-input",
        )

    def _style_of(self, component: str) -> Style:
        return component_style(self, component)

    # Moving the cursor leaves the completed word: the dropdown would offer a stale span.

    def action_cursor_left(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_cursor_right_word(select)

    def action_home(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_home(select)

    def action_end(self, select: bool = False) -> None:
        self.owner.cursor_left_word()
        super().action_end(select)

    def on_mouse_down(self, _event: events.MouseDown) -> None:
        self.owner.cursor_left_word()

    def watch_value(self, value: str) -> None:
        # Checked at once, not when Input.Changed arrives: the diagnostic is then ready for the
        # very frame that shows the new text.
        self.owner.text_changed(value)

    # The filter actions of the registry.

    def action_apply_filter(self) -> None:
        self.owner.action_apply_filter()

    def action_leave_filter(self) -> None:
        self.owner.action_leave_filter()

    def action_complete(self) -> None:
        self.owner.action_complete()

    def action_history_back(self) -> None:
        self.owner.action_history_back()

    def action_history_forward(self) -> None:
        self.owner.action_history_forward()

    def action_save_filter(self) -> None:
        self.owner.action_save_filter()
