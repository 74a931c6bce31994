"""The filter bar: live-checked, highlighted RSQL editing with completion and history."""

from explorer.tui.filter.bar import FilterBar
from explorer.tui.filter.checking import FilterCheck, Verdict, check_filter

__all__ = ["FilterBar", "FilterCheck", "Verdict", "check_filter"]
