"""The one registry of user actions: every binding of the app, its panes, panels and dialogs.

Each action has a stable id (`scope.name`) that users rebind in config (`[keymap]` maps an id
to keys, Textual's keymap mechanism), a Textual action name, default keys, a short label and
one sentence of help. Bindings, the footer, the help screen, the command palette and
read-only mode all read it. Scopes of the main screen (`MAIN_SCOPES`) reach the palette and
help; the others belong to one dialog or panel each. Write actions are hidden in read-only
mode, and their keys say why instead of doing nothing.
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
    footer: bool = False
    palette: bool = True
    writes: bool = False
    priority: bool = False

    @property
    def scope(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The action's method name, without parameters (`answer(True)` → `answer`)."""
        return self.action.split("(", 1)[0]


# Scopes of the main screen: "app" (anywhere), "tree", "filter", "table", "detail" (the
# record table's cursor keys, "records", are its own and stay out of the palette).
MAIN_SCOPES = ("app", "tree", "filter", "table", "detail")

_S = ActionSpec
# One action per entry, read as a table.
# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    _S("app.quit", "quit", "ctrl+q", "Quit", "Leave the explorer.", footer=True),
    _S("app.help", "help", "question_mark,f1", "Help", "Show the keys of the focused pane.",
       footer=True),
    _S("app.focus_filter", "focus_filter", "slash", "Filter", "Put the cursor in the filter bar.",
       footer=True, priority=True),
    _S("app.jump_alias", "jump_alias", "colon", "Jump", "Jump to an alias by name, fuzzy matched.",
       footer=True),
    _S("app.palette", "command_palette", "ctrl+p", "Commands", "Search every command.",
       palette=False),
    _S("app.copy_filter", "copy_filter", "ctrl+y", "Copy filter", "Copy the filter string."),
    _S("app.copy_filter_param", "copy_filter_param", "", "Copy filter as URL parameter",
       "Copy the filter as an encoded `filter=` parameter."),
    _S("app.copy_url", "copy_url", "", "Copy full URL",
       "Copy the URL of the current page's request."),
    _S("app.copy_curl", "copy_curl", "", "Copy as curl",
       "Copy a curl command for the current request, token redacted."),
    _S("app.reload", "reload", "ctrl+r", "Reload", "Fetch the current page again."),
    _S("tree.add_alias", "add_alias", "a", "Add alias",
       "Add an alias to the profile (checked with a one-record fetch).", footer=True),
    _S("tree.remove_alias", "remove_alias", "d", "Remove alias",
       "Remove the selected alias from the profile.", footer=True),
    _S("filter.apply", "apply_filter", "enter", "Apply",
       "Apply the filter (an invalid one is never sent).", footer=True),
    _S("filter.leave", "leave_filter", "escape", "Back", "Return to the table.", footer=True),
    _S("filter.complete", "complete", "tab", "Complete", "Insert the highlighted completion.",
       footer=True),
    _S("filter.history_back", "history_back", "up", "Older",
       "Recall an older filter of this alias.", palette=False),
    _S("filter.history_forward", "history_forward", "down", "Newer",
       "Recall a newer filter of this alias.", palette=False),
    _S("filter.save", "save_filter", "ctrl+s", "Save filter", "Save the filter under a name.",
       footer=True),
    _S("table.next_page", "next_page", "right_square_bracket", "Next page",
       "Show the next page.", footer=True),
    _S("table.previous_page", "previous_page", "left_square_bracket", "Prev page",
       "Show the previous page.", footer=True),
    _S("table.first_page", "first_page", "home", "First page", "Show the first page."),
    _S("table.last_page", "last_page", "end", "Last page", "Show the last page."),
    _S("table.filter_equal", "filter_equal", "equals_sign", "Filter ==",
       "Add Field==value of this cell to the filter.", footer=True),
    _S("table.filter_not_equal", "filter_not_equal", "exclamation_mark", "Filter !=",
       "Add Field!=value of this cell to the filter."),
    _S("table.columns", "choose_columns", "c", "Columns", "Choose and order the columns."),
    _S("table.sort", "sort_page", "s", "Sort page",
       "Sort this page locally by the cursor column."),
    _S("detail.toggle_json", "toggle_json", "j", "JSON",
       "Toggle the pretty JSON view of the record.", footer=True),
    _S("detail.copy_record", "copy_record", "y", "Copy record", "Copy the record as JSON.",
       footer=True),
    _S("detail.copy_value", "copy_value", "Y", "Copy value", "Copy the focused value."),
    # The record table's own cursor keys (actions of the table, not of the app).
    _S("records.cursor_up", "cursor_up", "up", "Up", "Move the cursor up a row.",
       palette=False),
    _S("records.cursor_down", "cursor_down", "down", "Down", "Move the cursor down a row.",
       palette=False),
    _S("records.cursor_left", "cursor_left", "left", "Left",
       "Move the cursor to the column on the left.", palette=False),
    _S("records.cursor_right", "cursor_right", "right", "Right",
       "Move the cursor to the column on the right.", palette=False),
    _S("records.page_up", "page_up", "pageup", "Screen up",
       "Move up a screenful; from the first row, show the previous page.", palette=False),
    _S("records.page_down", "page_down", "pagedown", "Screen down",
       "Move down a screenful; from the last row, show the next page.", palette=False),
    _S("records.first_row", "cursor_top", "ctrl+home", "First row",
       "Move to the first row of the page.", palette=False),
    _S("records.last_row", "cursor_bottom", "ctrl+end", "Last row",
       "Move to the last row of the page.", palette=False),
    # Edits: staged in the app, written only by save, bulk set and create (all `writes`).
    _S("table.edit_field", "edit_field", "e", "Edit",
       "Edit the cursor field; the change is staged until saved.", footer=True, writes=True),
    _S("detail.edit_field", "edit_field", "e", "Edit",
       "Edit the cursor field; the change is staged until saved.", palette=False, writes=True),
    _S("table.save_edits", "save_edits", "ctrl+s", "Save edits",
       "Show the staged changes and save them (only changed fields are sent).", footer=True,
       writes=True),
    _S("table.undo_edit", "undo_edit", "u", "Undo save",
       "Stage the values from before the last saved edit.", writes=True),
    _S("table.new_record", "new_record", "n", "New record",
       "Create a record of this alias from a form of its known fields.", writes=True),
    _S("app.bulk_set", "bulk_set_field", "", "Bulk set field…",
       "Set one field on every record matching the filter, with a count and confirmation.",
       writes=True),
    _S("app.export", "export_records", "ctrl+e", "Export…",
       "Export this page or every matching record to CSV, JSON or JSONL."),
    # The collaboration panels of the detail pane.
    _S("attachments.delete", "delete_attachment", "delete", "Delete",
       "Delete the selected attachment, after asking.", footer=True, writes=True),
    _S("attachments.download", "download", "ctrl+d", "Download",
       "Download the selected attachment to the path given.", footer=True),
    # Dialogs: one scope each.
    _S("confirm.yes", "answer(True)", "y", "Yes", "Answer yes.", footer=True),
    _S("confirm.no", "answer(False)", "n,escape", "No", "Answer no.", footer=True),
    _S("create.create", "create", "ctrl+s", "Create", "Create the record from the form.",
       footer=True, priority=True),
    _S("create.cancel", "cancel", "escape", "Cancel", "Close the form, creating nothing.",
       footer=True),
    _S("diff.save", "save", "ctrl+s", "Save", "Save the changes shown.", footer=True,
       priority=True),
    _S("diff.keep_mine", "resolve(True)", "m", "Keep mine",
       "Resolve the conflict by keeping my value.", footer=True),
    _S("diff.take_theirs", "resolve(False)", "t", "Take theirs",
       "Resolve the conflict by taking the server's value.", footer=True),
    _S("diff.back", "cancel", "escape", "Back", "Return without saving; edits stay staged.",
       footer=True),
    _S("field.cancel", "cancel", "escape", "Cancel", "Leave the value unchanged.", footer=True),
    _S("field.choices", "choices", "down", "Choices", "Move into the values offered."),
    _S("bulk.leave", "leave", "escape", "Cancel / close", "Stop asking, or close when done.",
       footer=True),
    _S("export.leave", "leave", "escape", "Cancel / close", "Stop the export, or close it.",
       footer=True),
    _S("alias.cancel", "cancel", "escape", "Cancel", "Add no alias.", footer=True),
    _S("help.close", "dismiss", "escape,q,question_mark,f1", "Close", "Close the help.",
       footer=True),
    _S("columns.keep", "keep", "enter", "Keep", "Keep the columns as chosen.", footer=True,
       priority=True),
    _S("columns.cancel", "cancel", "escape", "Cancel", "Keep the columns as they were.",
       footer=True),
    _S("columns.move_up", "move(-1)", "ctrl+up,K", "Move up", "Move the column up.",
       footer=True),
    _S("columns.move_down", "move(1)", "ctrl+down,J", "Move down", "Move the column down.",
       footer=True),
    _S("jump.cancel", "cancel", "escape", "Cancel", "Stay where you are.", footer=True),
    _S("jump.next", "move(1)", "down", "Next", "Highlight the next alias."),
    _S("jump.previous", "move(-1)", "up", "Previous", "Highlight the previous alias."),
    _S("save_filter.cancel", "cancel", "escape", "Cancel", "Save nothing."),
    _S("first_run.quit", "quit", "escape", "Quit", "Leave without connecting.", footer=True),
)
# fmt: on
del _S

BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}
# Action names that write to Elementum: hidden in read-only mode, their keys explain why.
WRITE_ACTIONS = frozenset(spec.name for spec in ACTIONS if spec.writes)


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
    """The commands of the main screen, as the palette offers them."""
    return (
        s for s in ACTIONS if s.palette and s.scope in MAIN_SCOPES and not (read_only and s.writes)
    )


def action_name(action: str) -> str:
    """The method an action string runs: `app.answer(True)` → `answer`."""
    return action.split("(", 1)[0].rsplit(".", 1)[-1]


def writes(action: str) -> bool:
    """Whether an action string (as a binding holds it) runs a write action."""
    return action_name(action) in WRITE_ACTIONS
