"""The table's quick cell text agrees with the general rule for every value."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from explorer.tui.records import cell_text
from explorer.tui.table import _cell, _plain

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@given(values)
def test_quick_cell_text_matches_the_rule(value: Any) -> None:
    assert _cell(value) == _plain(cell_text(value))
