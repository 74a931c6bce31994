"""Where the app's stylesheets live, and loading the ones start-up can do without.

The main screen needs `app.tcss` and `filter.tcss` before its first frame. Dialogs and the
collaboration tabs bring their own sheets; the app loads those once the first page is on
screen, so no dialog has to wait for Textual to re-read every sheet when it first opens.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

from textual.app import App


def _styles_folder() -> Path:
    """The stylesheets, found from the package and never from the working directory: inside
    it in an installed wheel (`explorer/styles`), else beside it at the top of the source
    tree (a checkout or an editable install)."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "styles", package.parent / "styles"):
        if (folder / "app.tcss").is_file():
            return folder
    return package / "styles"  # a missing sheet's error then names the installed place


STYLES = _styles_folder()
MAIN_CSS: list[str | PurePath] = [STYLES / "app.tcss", STYLES / "filter.tcss"]
DIALOGS_CSS = STYLES / "dialogs.tcss"
EDIT_CSS = STYLES / "edit.tcss"
# The stand-alone edit bench app shows the collaboration tabs and opens the edit dialogs.
EDIT_BENCH_CSS: list[str | PurePath] = [EDIT_CSS, DIALOGS_CSS]


def load_styles(app: App[Any], *paths: Path) -> None:
    """Add the sheets the app has not read yet and parse them now, ahead of their widgets.

    Only new sheets are parsed; nodes already on screen keep their styles, which is right
    for sheets whose rules select nothing mounted yet.
    """
    stylesheet = app.stylesheet
    fresh = [path for path in paths if not stylesheet.has_source(str(path), "")]
    for path in fresh:
        stylesheet.read(path)
    if fresh:
        stylesheet.parse()
