"""The left pane: record types and their aliases, with record counts once known."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.tui import actions


class AliasTree(Tree[str]):
    """Record types as branches, aliases as leaves; a leaf's data is its `type/alias` key."""

    BINDINGS: ClassVar[list[BindingType]] = actions.bindings("tree", namespace="app")
    HELP_TITLE = "Aliases"
    HELP_TEXT = (
        "Record types and the aliases of this profile. Enter opens an alias in the table; "
        "counts appear once known."
    )
    HELP_SCOPES = ("tree",)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("records", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._counts: dict[str, int] = {}
        self._problems: dict[str, str] = {}
        self._leaves: dict[str, TreeNode[str]] = {}

    def load(self, aliases: Mapping[str, Sequence[str]]) -> None:
        self.clear()
        self._leaves.clear()
        for record_type, names in aliases.items():
            branch = self.root.add(Text(record_type, style="bold"), expand=True)
            for name in names:
                key = f"{record_type}/{name}"
                self._leaves[key] = branch.add_leaf(self._label(key), data=key)

    def _label(self, key: str) -> Text:
        # The gap belongs to the name's run of text: SVG renderers drop a run's leading spaces.
        label = Text(key.split("/", 1)[1])
        if key in self._counts:
            label.append("\u00a0")
            label.append(f"{self._counts[key]:,}", style="dim")
        elif key in self._problems:
            label.append("\u00a0")
            label.append(self._problems[key], style="dim red")
        return label

    def set_count(self, key: str, total: int) -> None:
        if self._counts.get(key) == total and key not in self._problems:
            return  # unchanged: no repaint
        self._counts[key] = total
        self._problems.pop(key, None)
        self._relabel(key)

    def set_problem(self, key: str, problem: str) -> None:
        """Say beside an alias why it has no count, e.g. `no access` for a 403."""
        self._problems[key] = problem
        self._relabel(key)

    def _relabel(self, key: str) -> None:
        node = self._leaves.get(key)
        if node is not None:
            node.set_label(self._label(key))

    def count_of(self, key: str) -> int | None:
        return self._counts.get(key)

    def select_key(self, key: str) -> None:
        """Move the cursor to an alias without opening it again."""
        node = self._leaves.get(key)
        if node is not None:
            self.move_cursor(node)

    @property
    def cursor_key(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None
