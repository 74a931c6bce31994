"""What "ignoring case" means for `=lki=`: two characters are equal when they fold alike.

A character folds to its Unicode case fold when that is one character (`Ǆ`, `ǅ` and `ǆ`
all fold to `ǆ`; `K`, `k` and the Kelvin sign to `k`; `ς`, `σ` and `Σ` to `σ`), else to its
lower case when that is one character (`ẞ` to `ß`), else to itself. Folding is character by
character, so it never changes a text's length and wildcards keep their meaning.
"""

from __future__ import annotations

import sys
from functools import cache


def fold_char(char: str) -> str:
    folded = char.casefold()
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """`text` with every character folded."""
    return "".join(map(fold_char, text))


@cache
def _classes() -> dict[str, frozenset[str]]:
    """Fold -> every character with that fold, for folds shared by two or more characters.

    Built once on first use (about 0.2 s), from the running Python's Unicode tables."""
    members: dict[str, set[str]] = {}
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        folded = fold_char(char)
        if folded != char:
            members.setdefault(folded, {folded}).add(char)
    return {folded: frozenset(chars) for folded, chars in members.items()}


def same_case_class(char: str) -> frozenset[str]:
    """Every character equal to `char` ignoring case (`char` itself included)."""
    return _classes().get(fold_char(char), frozenset((char,)))
