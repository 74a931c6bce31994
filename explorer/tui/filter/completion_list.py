"""The completion dropdown under the filter bar: an overlay list the input drives."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.rsql import Completion

MAX_SHOWN = 50
MIN_WIDTH = 20
MAX_WIDTH = 72
GAP = 2  # cells between a completion and its help


class CompletionList(OptionList, can_focus=False):
    """Completions for the text at the cursor; keys stay in the input, clicks insert."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.completions: list[Completion] = []

    @property
    def is_open(self) -> bool:
        return self.display and bool(self.completions)

    def show(self, completions: Sequence[Completion]) -> None:
        """Fill the list (first item highlighted) and show it, or hide it when empty."""
        self.completions = list(completions[:MAX_SHOWN])
        names = [item.display or item.text for item in self.completions]
        helps = [item.help or "" for item in self.completions]
        # One help shared by every row ("a value of Status") reads better once, as a title.
        title = helps[0] if len(helps) > 1 and len(set(helps)) == 1 else ""
        if title:
            helps = [""] * len(helps)
        self.border_title = title
        name_width = max((cell_len(name) for name in names), default=0)
        help_width = max((cell_len(help) for help in helps), default=0)
        label_width = name_width + (help_width + GAP if help_width else 0)
        # Sized to the longest label or title (plus border and padding) so nothing spills.
        width = max(label_width + 4, cell_len(title) + 6 if title else 0)
        self.styles.width = min(MAX_WIDTH, max(MIN_WIDTH, width))
        self.set_options(
            Option(_label(name, help, name_width, item.kind))
            for name, help, item in zip(names, helps, self.completions, strict=True)
        )
        if self.completions:
            self.highlighted = 0
        self.display = bool(self.completions)

    def close(self) -> None:
        self.display = False

    def chosen(self) -> Completion | None:
        """The highlighted completion while the list is open."""
        if not self.is_open or self.highlighted is None:
            return None
        return self.completions[self.highlighted]

    def move(self, step: int) -> None:
        if self.completions:
            index = 0 if self.highlighted is None else self.highlighted + step
            self.highlighted = index % len(self.completions)


def _label(name: str, help: str, name_width: int, kind: str) -> Text:
    """The name, then its help in a dim column."""
    label = Text(name, style="bold" if kind == "field" else "", no_wrap=True, overflow="ellipsis")
    if help:
        label.append(" " * (name_width - cell_len(name) + GAP))
        label.append(help, style="dim")
    return label
