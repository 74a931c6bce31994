"""The one operator table: spellings, canonical spelling, arity and meaning per dialect.

The parser, validator, completer, formatter and SQL compiler all read this table, so adding or
changing an operator happens here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Dialect(StrEnum):
    """`elementum`: Elementum's filter parameter; `standard`: jirutka rsql-parser 2.1."""

    ELEMENTUM = "elementum"
    STANDARD = "standard"


# The most values a list may hold.
MAX_LIST = 1000


class Arity(StrEnum):
    """How many values an operator takes."""

    ONE = "one"
    TWO = "two"
    MANY = "many"

    @property
    def bounds(self) -> tuple[int, int]:
        """The fewest and the most values."""
        return _BOUNDS[self]

    @property
    def wanted(self) -> tuple[str, str]:
        """The rule in words for a diagnostic: (`exactly two values`, expected `two values`)."""
        return _WANTED[self]


_BOUNDS = {Arity.ONE: (1, 1), Arity.TWO: (2, 2), Arity.MANY: (1, MAX_LIST)}
_WANTED = {
    Arity.ONE: ("exactly one value", "one value"),
    Arity.TWO: ("exactly two values", "two values"),
    Arity.MANY: (f"at most {MAX_LIST} values", f"at most {MAX_LIST} values"),
}


@dataclass(frozen=True, slots=True, repr=False)
class Operator:
    """One comparison operator.

    `spellings` holds every spelling in the Elementum dialect, canonical first;
    `standard_spellings` those the standard dialect accepts (empty when it has none);
    `min_values`/`max_values` follow from the arity and are what the parser checks.
    """

    name: str
    canonical: str
    spellings: tuple[str, ...]
    standard_spellings: tuple[str, ...]
    arity: Arity
    meaning: str
    negated: bool = False
    min_values: int = 1
    max_values: int = 1

    def __repr__(self) -> str:
        return f"Operator({self.canonical})"

    def spelling(self, dialect: Dialect | str = Dialect.ELEMENTUM) -> str:
        """The canonical spelling in `dialect`."""
        if dialect == Dialect.STANDARD and self.standard_spellings:
            return self.standard_spellings[0]
        return self.canonical

    @property
    def multi_value(self) -> bool:
        """Whether the operator takes a list of values (always printed in parentheses)."""
        return self.arity is not Arity.ONE


def _op(
    name: str,
    spellings: tuple[str, ...],
    standard: tuple[str, ...],
    arity: Arity,
    meaning: str,
    negated: bool = False,
) -> Operator:
    low, high = arity.bounds
    return Operator(name, spellings[0], spellings, standard, arity, meaning, negated, low, high)


EQ = _op("EQ", ("==",), ("==",), Arity.ONE, "equals (null: has no value)")
NE = _op("NE", ("!=",), ("!=",), Arity.ONE, "does not equal (null: has a value)", True)
GT = _op("GT", ("=gt=", ">"), ("=gt=", ">"), Arity.ONE, "greater than")
GE = _op("GE", ("=ge=", ">="), ("=ge=", ">="), Arity.ONE, "greater than or equal to")
LT = _op("LT", ("=lt=", "<"), ("=lt=", "<"), Arity.ONE, "less than")
LE = _op("LE", ("=le=", "<="), ("=le=", "<="), Arity.ONE, "less than or equal to")
IN = _op("IN", ("=in=",), ("=in=",), Arity.MANY, "is one of the listed values")
NOT_IN = _op("NOT_IN", ("!in=", "=out="), ("=out=",), Arity.MANY, "is none of the values", True)
BETWEEN = _op("BETWEEN", ("=bt=",), (), Arity.TWO, "between two values, inclusive")
NOT_BETWEEN = _op("NOT_BETWEEN", ("!bt=",), (), Arity.TWO, "outside two values", True)
LIKE = _op("LIKE", ("=lk=",), (), Arity.ONE, "contains; * is a wildcard")
NOT_LIKE = _op("NOT_LIKE", ("!lk=",), (), Arity.ONE, "does not contain; * is a wildcard", True)
ILIKE = _op("ILIKE", ("=lki=",), (), Arity.ONE, "contains, ignoring case; * is a wildcard")
NOT_ILIKE = _op("NOT_ILIKE", ("!lki=",), (), Arity.ONE, "does not contain, ignoring case", True)

OPERATORS: tuple[Operator, ...] = (
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE,
    IN,
    NOT_IN,
    BETWEEN,
    NOT_BETWEEN,
    LIKE,
    NOT_LIKE,
    ILIKE,
    NOT_ILIKE,
)

# Spelling -> operator, per dialect: the parser's only lookup.
SPELLINGS: dict[Dialect, dict[str, Operator]] = {
    Dialect.ELEMENTUM: {s: op for op in OPERATORS for s in op.spellings},
    Dialect.STANDARD: {s: op for op in OPERATORS for s in op.standard_spellings},
}

BY_NAME: dict[str, Operator] = {op.name: op for op in OPERATORS}

# Spellings people bring from other query languages, and the operator they mean.
FAMILIAR: dict[str, Operator] = {
    "=eq=": EQ,
    "=ne=": NE,
    "=neq=": NE,
    "=gte=": GE,
    "=lte=": LE,
    "=nin=": NOT_IN,
    "=notin=": NOT_IN,
    "=like=": LIKE,
    "=contains=": LIKE,
    "=ilike=": ILIKE,
    "=between=": BETWEEN,
    "=nbt=": NOT_BETWEEN,
    "!like=": NOT_LIKE,
    "!ilike=": NOT_ILIKE,
    "!out=": IN,
    "!in=": NOT_IN,
}


def operators_for(dialect: Dialect | str) -> tuple[Operator, ...]:
    """The operators `dialect` accepts, in table order."""
    if Dialect(dialect) is Dialect.STANDARD:
        return tuple(op for op in OPERATORS if op.standard_spellings)
    return OPERATORS
