"""The filter bar: a highlighted RSQL editor with live diagnostics, completion and history.

The app mounts one `FilterBar`, feeds it the current alias with `set_context`, and listens for
`Applied`, `Left`, `SaveRequested` and `Changed`. Keys come from the `filter` scope of the action
registry; they are bound on the inner input, which holds the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar, Self

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from explorer.config.state import StateStore
from explorer.kinds import FieldKind
from explorer.rsql import Completion
from explorer.tui.filter import messages
from explorer.tui.filter.checking import FilterCheck, Verdict, check_filter
from explorer.tui.filter.clauses import and_clause, clause
from explorer.tui.filter.completing import offered
from explorer.tui.filter.completion_list import CompletionList
from explorer.tui.filter.editor import FilterInput
from explorer.tui.filter.history import FilterHistory
from explorer.tui.filter.theming import component_style
from explorer.tui.lazy import Lazy

_PLAIN = Style()
NARROW_WIDTH = 72  # below this the status row shows only the diagnostic


class FilterBar(Widget):
    """Edits, checks and applies the RSQL filter of the current alias."""

    HELP_TITLE = "Filter"
    HELP_TEXT = (
        "Type an RSQL filter; it is checked on every keystroke and never sent while invalid. "
        "Enter applies it, Escape returns to the table."
    )
    HELP_SCOPES = ("filter",)

    # Status colours per verdict (themed in styles/filter.tcss).
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"filter-bar--{verdict.value}" for verdict in Verdict}

    Applied = messages.Applied
    Left = messages.Left
    SaveRequested = messages.SaveRequested
    Changed = messages.Changed

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        state_dir: Path | None = None,
    ) -> None:
        """`state_dir` is where the history file lives (default: the user state dir)."""
        super().__init__(id=id, classes=classes)
        self.history = FilterHistory(StateStore("filter_history", state_dir))
        self.input = FilterInput(self)
        self.completions = CompletionList(id="filter-completions")
        self.status = Static("", id="filter-status", markup=False)
        self.hint = Static("", id="filter-hint", markup=False)
        self.alias_key = ""
        self._fields: Lazy[Mapping[str, FieldKind]] = Lazy({})
        self._values: Lazy[Mapping[str, Sequence[str]]] = Lazy({})
        self.saved: dict[str, str] = {}
        self.applied = ""
        self.check = FilterCheck("", Verdict.EMPTY)
        self._quiet_value: str | None = None  # text set by code: no dropdown for it
        self._styled = False  # component styles resolved (set on mount)
        self._painted: tuple[tuple[str, Style], str] = (("", _PLAIN), "")  # what is on screen

    def compose(self) -> ComposeResult:
        yield self.input
        with Horizontal(id="filter-status-row"):
            yield self.status
            yield self.hint

    def on_mount(self) -> None:
        self._styled = True
        self.input.border_title = "Filter"
        self.completions.close()
        self.validate_now()

    # The contract with the app.

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focusing the bar puts the cursor in its editor at once: `Widget.focus` waits for the
        queue, so keys typed right after `/` would still go to the widget that had focus."""
        if self.is_attached:
            self.screen.set_focus(self.input, scroll_visible=scroll_visible)
        # Also queued, so a focus change asked for earlier does not override this one.
        self.input.focus(scroll_visible)
        return self

    @property
    def value(self) -> str:
        return self.input.value

    @value.setter
    def value(self, text: str) -> None:
        """Show `text`, taken as the filter in effect (the app sets what it applied)."""
        self._set_text(text)
        if self.check.valid:
            self.applied = self.check.filter
        self.history.reset()
        self._show_history_position()
        self._paint_status(self.check.message)

    def set_context(
        self,
        alias_key: str,
        fields: Mapping[str, FieldKind] | Callable[[], Mapping[str, FieldKind]],
        values: Mapping[str, Sequence[str]] | Callable[[], Mapping[str, Sequence[str]]],
        saved: Mapping[str, str],
    ) -> None:
        """Use this alias's fields, seen values, saved filters and history from now on.

        Fields and values may be given as functions: they are called when first needed (a
        filter to check, a completion to offer), so showing a page does not wait for them.
        """
        if alias_key != self.alias_key:
            self.alias_key = alias_key
            self.history.load(alias_key)
            self._show_history_position()
        self._fields = Lazy(fields)
        self._values = Lazy(values)
        self.saved = dict(saved)
        self.validate_now()

    @property
    def fields(self) -> Mapping[str, FieldKind]:
        """The alias's field names and kinds, for checking and completing."""
        return self._fields.get()

    @property
    def values(self) -> Mapping[str, Sequence[str]]:
        """Values seen per field on the loaded page, for completing."""
        return self._values.get()

    def append_clause(self, field: str, op: str, value: str | None) -> None:
        """AND `field op value` to the current valid filter and apply the result."""
        base = self.check.filter if self.check.valid else self.applied
        self._set_text(and_clause(base, clause(field, op, value)))
        self.history.reset()
        self._apply()

    def validate_now(self) -> FilterCheck:
        """Check the current text and repaint status and underline; returns the check.

        This is the whole per-keystroke cost, so benchmarks time it directly.
        """
        text = self.input.value
        check = check_filter(text, self.fields if text.strip() else {})
        previous, self.check = self.check, check
        if (check.text, check.valid, check.diagnostic) != (
            previous.text,
            previous.valid,
            previous.diagnostic,
        ):
            self.post_message(self.Changed(self, check.valid, check.diagnostic))
        highlighter = self.input.filter_highlighter
        problems = check.spans if check.verdict in (Verdict.ERROR, Verdict.WARNING) else ()
        is_error = check.verdict is Verdict.ERROR
        if (problems, is_error) != (highlighter.problems, highlighter.problem_is_error):
            highlighter.problems, highlighter.problem_is_error = problems, is_error
            self.input.refresh()
        self._paint_status(check.message)
        return check

    # What the editor tells its owner (see `EditorOwner`).

    def text_changed(self, value: str) -> None:
        if value != self.check.text:
            self.validate_now()

    def cursor_left_word(self) -> None:
        self.completions.close()

    # Painting.

    def _paint_status(self, message: str) -> None:
        # Coloured through component styles rather than CSS classes: switching a class restyles
        # the widget, which would cost more than the whole check on every keystroke.
        if not self._styled:
            return  # styles are not resolved before mounting; on_mount paints
        style = component_style(self, f"filter-bar--{self.check.verdict.value}")
        if (message, style) != self._painted[0]:
            status = Text(message, style=style, no_wrap=True, overflow="ellipsis")
            self.status.update(status, layout=False)
        hint = self._hint_text()
        if hint != self._painted[1]:
            self.hint.update(hint, layout=False)
        self._painted = ((message, style), hint)

    def notify_style_update(self) -> None:
        # A new theme changes the component colours; they are resolved after this call, so
        # repaint the status once the current message is handled.
        super().notify_style_update()
        if self._styled:
            self.call_next(self._repaint_status)

    def _repaint_status(self) -> None:
        (message, _), hint = self._painted
        self._painted = (("", _PLAIN), hint)
        self._paint_status(message)

    def _hint_text(self) -> str:
        check = self.check
        if check.verdict is Verdict.ERROR:
            return "fix to apply"
        if check.filter == self.applied:
            return "● applied" if self.applied else ""
        return "⏎ clears" if check.verdict is Verdict.EMPTY else "⏎ applies"

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def _show_history_position(self) -> None:
        position = self.history.position
        total = len(self.history.entries)
        self.input.border_subtitle = (
            f"history {position + 1}/{total}" if position is not None else ""
        )

    # Editing.

    def _set_text(self, text: str) -> None:
        """Replace the text from code: checked at once, without opening the dropdown."""
        if self.input.value != text:
            self._quiet_value = text
            self.input.value = text
        self.input.cursor_position = len(text)
        self.completions.close()
        self.validate_now()

    @on(Input.Changed, "#filter-input")
    def _text_changed(self, event: Input.Changed) -> None:
        event.stop()
        quiet = event.value == self._quiet_value
        self._quiet_value = None
        if event.value != self.check.text:
            self.validate_now()
        if quiet or not self.input.has_focus:
            self.completions.close()
        else:
            self.history.reset()
            self._show_history_position()
            self.update_completions(typing=True)

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()

    @on(Input.Blurred, "#filter-input")
    def _blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self.completions.close()

    # Completion.

    def completions_at_cursor(self) -> tuple[list[Completion], bool]:
        """What the dropdown offers at the cursor, and whether the word there is complete."""
        return offered(
            self.input.value, self.input.cursor_position, list(self.fields), self.values, self.saved
        )

    def update_completions(self, *, typing: bool = False) -> bool:
        """Refresh the dropdown for the cursor position; returns whether it is open.

        While typing, a word that already matches a completion keeps the list shut, so Enter
        applies `Status==Open` instead of swapping in `Opened`; Tab still shows everything.
        """
        found, complete_already = self.completions_at_cursor()
        if typing:
            # Separators only on Tab: after a typed value, Enter must apply, not insert `;`.
            found = [] if complete_already else [c for c in found if c.kind != "separator"]
        if found and not self.completions.is_attached:
            # Mounted on first use: start-up need not style a list nobody has opened yet.
            self.mount(self.completions, after=self.input)
        self.completions.show(found)
        if found:
            start = min(c.start for c in found)
            column = cell_len(self.input.value[:start]) - self.input.scroll_offset.x
            gutter = self.input.styles.gutter.left
            # Line the option text up with the text it completes (list border + option padding),
            # below the status line, so the check's message stays readable while choosing.
            below = self.query_one("#filter-status-row").outer_size.height
            self.completions.styles.offset = (max(0, gutter + column - 2), below)
        return self.completions.is_open

    def insert_completion(self, item: Completion) -> None:
        """Put `item.text` in place of the span it completes; the cursor goes after it."""
        text = self.input.value
        new_text = text[: item.start] + item.text + text[item.end :]
        self._quiet_value = new_text
        self.input.value = new_text
        self.input.cursor_position = item.start + len(item.text)
        self.completions.close()
        self.validate_now()

    @on(OptionList.OptionSelected, "#filter-completions")
    def _completion_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.completions.completions):
            self.insert_completion(self.completions.completions[index])
        self.input.focus()

    # Actions (bound on the input from the `filter` scope of the registry).

    def action_apply_filter(self) -> None:
        chosen = self.completions.chosen()
        if chosen is not None:
            self.insert_completion(chosen)
            return
        self._apply()

    def _apply(self) -> None:
        check = self.validate_now()
        if not check.valid:
            self._paint_status(f"{check.message} · not applied")
            return
        self.applied = check.filter
        self.history.record(check.filter)
        self._show_history_position()
        self._paint_status(check.message)
        self.post_message(self.Applied(self, check.filter))

    def action_leave_filter(self) -> None:
        if self.completions.is_open:
            self.completions.close()
            return
        self.post_message(self.Left(self))

    def action_complete(self) -> None:
        chosen = self.completions.chosen()
        if chosen is not None:
            self.insert_completion(chosen)
        elif not self.update_completions():
            self.screen.focus_next()

    def action_history_back(self) -> None:
        self._recall(-1)

    def action_history_forward(self) -> None:
        self._recall(1)

    def _recall(self, step: int) -> None:
        """Up/Down: move in an open dropdown, else recall an older or newer filter."""
        if self.completions.is_open:
            self.completions.move(step)
            return
        recalled = self.history.back(self.input.value) if step < 0 else self.history.forward()
        if recalled is not None:
            self._set_text(recalled)
        self._show_history_position()

    def action_save_filter(self) -> None:
        check = self.validate_now()
        if check.verdict is Verdict.EMPTY:
            self._paint_status("nothing to save: the filter is empty")
            return
        if not check.valid:
            self._paint_status(f"{check.message} · fix it before saving")
            return
        self.completions.close()

        def saved(name: str | None) -> None:
            if name:
                self.post_message(self.SaveRequested(self, name, check.filter))
                self._paint_status(f"✓ saving as {name!r}")
            self.input.focus()

        preview = Text(check.filter)
        self.input.filter_highlighter.highlight(preview)
        from explorer.tui.filter.save_dialog import SaveFilterScreen

        self.app.push_screen(SaveFilterScreen(check.filter, self.saved, preview), saved)
