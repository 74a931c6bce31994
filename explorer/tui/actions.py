"""The one registry of user actions: bindings, footer, help screen and command palette read it.

Each action has a stable id (`scope.name`) that users rebind in config (`[keymap]` maps an id
to keys, Textual's keymap mechanism), a Textual action name, default keys, a short label for
the footer and palette, and one sentence for the help screen. Write actions are dropped in
read-only mode.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    action: str
    keys: str
    label: str
    help: str
    scope: str
    footer: bool = False
    palette: bool = True
    writes: bool = False
    priority: bool = False


# Scopes: "app" (anywhere), "tree", "filter", "table", "detail".
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("app.quit", "quit", "ctrl+q", "Quit", "Leave the explorer.", "app", footer=True),
    ActionSpec(
        "app.help",
        "help",
        "question_mark,f1",
        "Help",
        "Show the keys of the focused pane.",
        "app",
        footer=True,
    ),
    ActionSpec(
        "app.focus_filter",
        "focus_filter",
        "slash",
        "Filter",
        "Put the cursor in the filter bar.",
        "app",
        footer=True,
    ),
    ActionSpec(
        "app.jump_alias",
        "jump_alias",
        "colon",
        "Jump",
        "Jump to an alias by name, fuzzy matched.",
        "app",
        footer=True,
    ),
    ActionSpec(
        "app.palette",
        "command_palette",
        "ctrl+p",
        "Commands",
        "Search every command.",
        "app",
        palette=False,
    ),
    ActionSpec(
        "app.copy_filter", "copy_filter", "ctrl+y", "Copy filter", "Copy the filter string.", "app"
    ),
    ActionSpec(
        "app.copy_filter_param",
        "copy_filter_param",
        "",
        "Copy filter as URL parameter",
        "Copy the filter as an encoded `filter=` parameter.",
        "app",
    ),
    ActionSpec(
        "app.copy_url",
        "copy_url",
        "",
        "Copy full URL",
        "Copy the URL of the current page's request.",
        "app",
    ),
    ActionSpec(
        "app.copy_curl",
        "copy_curl",
        "",
        "Copy as curl",
        "Copy a curl command for the current request, token redacted.",
        "app",
    ),
    ActionSpec("app.reload", "reload", "ctrl+r", "Reload", "Fetch the current page again.", "app"),
    ActionSpec(
        "tree.add_alias",
        "add_alias",
        "a",
        "Add alias",
        "Add an alias to the profile (checked with a one-record fetch).",
        "tree",
        footer=True,
    ),
    ActionSpec(
        "tree.remove_alias",
        "remove_alias",
        "d",
        "Remove alias",
        "Remove the selected alias from the profile.",
        "tree",
        footer=True,
    ),
    ActionSpec(
        "filter.apply",
        "apply_filter",
        "enter",
        "Apply",
        "Apply the filter (an invalid one is never sent).",
        "filter",
        footer=True,
    ),
    ActionSpec(
        "filter.leave",
        "leave_filter",
        "escape",
        "Back",
        "Return to the table.",
        "filter",
        footer=True,
    ),
    ActionSpec(
        "filter.complete",
        "complete",
        "tab",
        "Complete",
        "Insert the highlighted completion.",
        "filter",
        footer=True,
    ),
    ActionSpec(
        "filter.history_back",
        "history_back",
        "up",
        "Older",
        "Recall an older filter of this alias.",
        "filter",
        palette=False,
    ),
    ActionSpec(
        "filter.history_forward",
        "history_forward",
        "down",
        "Newer",
        "Recall a newer filter of this alias.",
        "filter",
        palette=False,
    ),
    ActionSpec(
        "filter.save",
        "save_filter",
        "ctrl+s",
        "Save filter",
        "Save the filter under a name.",
        "filter",
        footer=True,
    ),
    ActionSpec(
        "table.next_page",
        "next_page",
        "right_square_bracket",
        "Next page",
        "Show the next page.",
        "table",
        footer=True,
    ),
    ActionSpec(
        "table.previous_page",
        "previous_page",
        "left_square_bracket",
        "Prev page",
        "Show the previous page.",
        "table",
        footer=True,
    ),
    ActionSpec(
        "table.first_page", "first_page", "home", "First page", "Show the first page.", "table"
    ),
    ActionSpec("table.last_page", "last_page", "end", "Last page", "Show the last page.", "table"),
    ActionSpec(
        "table.filter_equal",
        "filter_equal",
        "equals_sign",
        "Filter ==",
        "Add Field==value of this cell to the filter.",
        "table",
        footer=True,
    ),
    ActionSpec(
        "table.filter_not_equal",
        "filter_not_equal",
        "exclamation_mark",
        "Filter !=",
        "Add Field!=value of this cell to the filter.",
        "table",
    ),
    ActionSpec(
        "table.columns", "choose_columns", "c", "Columns", "Choose and order the columns.", "table"
    ),
    ActionSpec(
        "table.sort",
        "sort_page",
        "s",
        "Sort page",
        "Sort this page locally by the cursor column.",
        "table",
    ),
    ActionSpec(
        "detail.toggle_json",
        "toggle_json",
        "j",
        "JSON",
        "Toggle the pretty JSON view of the record.",
        "detail",
        footer=True,
    ),
    ActionSpec(
        "detail.copy_record",
        "copy_record",
        "y",
        "Copy record",
        "Copy the record as JSON.",
        "detail",
        footer=True,
    ),
    ActionSpec(
        "detail.copy_value", "copy_value", "Y", "Copy value", "Copy the focused value.", "detail"
    ),
    # Edits: staged in the app, written only by save, bulk set and create (all `writes`).
    ActionSpec(
        "table.edit_field",
        "edit_field",
        "e",
        "Edit",
        "Edit the cursor field; the change is staged until saved.",
        "table",
        footer=True,
        writes=True,
    ),
    ActionSpec(
        "detail.edit_field",
        "edit_field",
        "e",
        "Edit",
        "Edit the cursor field; the change is staged until saved.",
        "detail",
        palette=False,
        writes=True,
    ),
    ActionSpec(
        "table.save_edits",
        "save_edits",
        "ctrl+s",
        "Save edits",
        "Show the staged changes and save them (only changed fields are sent).",
        "table",
        footer=True,
        writes=True,
    ),
    ActionSpec(
        "table.undo_edit",
        "undo_edit",
        "u",
        "Undo save",
        "Stage the values from before the last saved edit.",
        "table",
        writes=True,
    ),
    ActionSpec(
        "table.new_record",
        "new_record",
        "n",
        "New record",
        "Create a record of this alias from a form of its known fields.",
        "table",
        writes=True,
    ),
    ActionSpec(
        "app.bulk_set",
        "bulk_set_field",
        "",
        "Bulk set field…",
        "Set one field on every record matching the filter, with a count and confirmation.",
        "app",
        writes=True,
    ),
    ActionSpec(
        "app.export",
        "export_records",
        "ctrl+e",
        "Export…",
        "Export this page or every matching record to CSV, JSON or JSONL.",
        "app",
    ),
)

BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}


def specs(scope: str, *, read_only: bool = False) -> list[ActionSpec]:
    """The actions of one scope, in registry order, without write actions in read-only mode."""
    return [s for s in ACTIONS if s.scope == scope and not (read_only and s.writes)]


def bindings(scope: str, *, read_only: bool = False, namespace: str = "") -> list[BindingType]:
    """Textual bindings for a scope; each carries its action id so keymaps can rebind it.

    `namespace` (e.g. "app") makes a pane's keys run actions defined on the app, so the pane
    only decides when its keys are active.
    """
    prefix = f"{namespace}." if namespace else ""
    return [
        Binding(
            spec.keys,
            prefix + spec.action,
            spec.label,
            show=spec.footer,
            id=spec.id,
            priority=spec.priority,
            tooltip=spec.help,
        )
        for spec in specs(scope, read_only=read_only)
        if spec.keys
    ]


def unknown_ids(keymap: Mapping[str, str]) -> list[str]:
    """Ids in a user keymap that name no action, for a clear config message."""
    return [action_id for action_id in keymap if action_id not in BY_ID]


def palette_specs(*, read_only: bool = False) -> Iterable[ActionSpec]:
    return (s for s in ACTIONS if s.palette and not (read_only and s.writes))
