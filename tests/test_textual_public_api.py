"""The app uses Textual through its public API only, so a new Textual release cannot break it
by renaming an internal.

Flagged in `explorer/`: imports of Textual's private modules (`textual._x`,
`textual.widgets._x`); in a class built on a Textual class, a `self._x` or a method or class
attribute `_x` that Textual's own classes in its ancestry define (using or overriding their
internals); elsewhere, `obj._x` where `_x` is a private name of Textual's and no name of ours.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import textual

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explorer"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _self_assigned(tree: ast.AST) -> dict[str, set[str]]:
    """Per class name: the `self._x` attributes its methods assign."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names = found.setdefault(node.name, set())
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Attribute)
                    and isinstance(inner.ctx, ast.Store)
                    and isinstance(inner.value, ast.Name)
                    and inner.value.id == "self"
                    and _private(inner.attr)
                ):
                    names.add(inner.attr)
    return found


@cache
def _textual_source(path: str) -> dict[str, set[str]]:
    return _self_assigned(ast.parse(Path(path).read_text(encoding="utf-8")))


def _textual_privates(cls: type) -> set[str]:
    """The private names that the Textual classes among `cls`'s ancestors define."""
    names: set[str] = set()
    for base in cls.__mro__:
        if not base.__module__.startswith("textual"):
            continue
        names |= {name for name in vars(base) if _private(name)}
        source = inspect.getsourcefile(base)
        if source is not None:
            names |= _textual_source(source).get(base.__name__, set())
    return names


@cache
def _all_textual_privates() -> frozenset[str]:
    names: set[str] = set()
    for path in Path(textual.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _private(node.name):
                names.add(node.name)
        for assigned in _self_assigned(tree).values():
            names |= assigned
    return frozenset(names)


def _sources() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path


@cache
def _our_privates() -> frozenset[str]:
    """Private names our own code defines (methods, attributes), anywhere in the package."""
    names: set[str] = set()
    for _, path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _private(node.name):
                names.add(node.name)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and _private(node.attr)
            ):
                names.add(node.attr)
    return frozenset(names)


def _module_name(relative: str) -> str:
    name = relative.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


def violations(relative: str, path: Path) -> list[str]:
    """Each use of a Textual internal in one file of the package, as "line: what"."""
    name = _module_name(relative)
    # A `__main__` module runs when imported: its classes are not looked at, its text is.
    module = ModuleType(name) if name.endswith("__main__") else importlib.import_module(name)
    return violations_in(path.read_text(encoding="utf-8"), module)


def violations_in(source: str, module: ModuleType) -> list[str]:
    """Each use of a Textual internal in `source`, the text of `module`."""
    tree = ast.parse(source)
    found: list[str] = []
    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        for imported in modules:
            parts = imported.split(".")
            if parts[0] == "textual" and any(_private(part) for part in parts[1:]):
                found.append(f"{node.lineno}: imports {imported}")
    textual_classes = {
        name: _textual_privates(cls)
        for name, cls in vars(module).items()
        if inspect.isclass(cls)
        and cls.__module__ == module.__name__
        and any(base.__module__.startswith("textual") for base in cls.__mro__)
    }
    inside_textual_class: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef) or node.name not in textual_classes:
            continue
        theirs = textual_classes[node.name]
        for inner in ast.walk(node):
            inside_textual_class.add(id(inner))
            if isinstance(inner, ast.Attribute) and inner.attr in theirs:
                if isinstance(inner.value, ast.Name) and inner.value.id in ("self", "cls"):
                    found.append(f"{inner.lineno}: {node.name} uses Textual's {inner.attr}")
            elif isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef) and inner.name in theirs:
                found.append(f"{inner.lineno}: {node.name} overrides Textual's {inner.name}")
        for statement in node.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in theirs:
                        found.append(f"{statement.lineno}: {node.name} sets Textual's {target.id}")
    textual_names, ours = _all_textual_privates(), _our_privates()
    # `os._exit` and the like: a private name of another module, not of a Textual object.
    modules = {"self", "cls"} | {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and id(node) not in inside_textual_class
            and node.attr in textual_names
            and node.attr not in ours
            and not (isinstance(node.value, ast.Name) and node.value.id in modules)
        ):
            found.append(f"{node.lineno}: reads Textual's {node.attr}")
    return sorted(set(found), key=lambda text: int(text.split(":")[0]))


def test_no_module_reaches_into_textual_internals() -> None:
    reached = {
        relative: problems
        for relative, path in _sources()
        if (problems := violations(relative, path))
    }
    assert reached == {}


def test_the_check_sees_a_use_of_an_internal() -> None:
    """The scan itself: the kinds of use the record table used to make are all caught."""
    source = (
        "from textual._two_way_dict import TwoWayDict\n"
        "from textual.widgets import DataTable\n"
        "class Probe(DataTable[str]):\n"
        "    def _render_line(self, y, x1, x2, base_style):\n"
        "        return self._line_cache\n"
        "    def own(self):\n"
        "        self._mine = 1\n"
        "def peek(table: DataTable[str]) -> object:\n"
        "    return table._row_locations\n"
    )
    module = ModuleType("probe")
    exec(compile(source, "probe.py", "exec"), module.__dict__)
    assert violations_in(source, module) == [
        "1: imports textual._two_way_dict",
        "4: Probe overrides Textual's _render_line",
        "5: Probe uses Textual's _line_cache",
        "9: reads Textual's _row_locations",
    ]
