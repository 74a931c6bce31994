"""A value given either as itself or as a function that makes it when first asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Lazy(Generic[T]):
    """`Lazy(value).get()` is the value; `Lazy(make).get()` calls `make` once, on first use."""

    def __init__(self, source: T | Callable[[], T]) -> None:
        self._source = source
        self._made = not callable(source)
        self._value: T | None = None if callable(source) else source

    def get(self) -> T:
        if not self._made:
            make = cast(Callable[[], T], self._source)
            self._value, self._made = make(), True
        return cast(T, self._value)
