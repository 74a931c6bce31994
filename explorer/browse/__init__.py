"""Headless browsing: which page of which list the table shows, what to fetch to get there.

Nothing here draws or imports Textual: the app asks `PageController` what a key press means
(show a page it holds, or fetch one), runs the fetch in a worker and hands the answer back.
"""

from explorer.browse.fetches import MAX_FETCH, Fetch, ListKey, Move
from explorer.browse.pages import Edge, Load, PageController, PageView, Show, Step, Wait
from explorer.browse.run import Run

__all__ = [
    "MAX_FETCH",
    "Edge",
    "Fetch",
    "ListKey",
    "Load",
    "Move",
    "PageController",
    "PageView",
    "Run",
    "Show",
    "Step",
    "Wait",
]
