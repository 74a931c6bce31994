"""Build steps the declarative configuration in pyproject.toml cannot express.

- The stylesheets live at the top of the repository (`styles/`), where people look for
  them; the wheel carries them inside the package, as `explorer/styles/*.tcss`, where the
  installed app finds them (`explorer/tui/styling.py`).
- Modules that only the tests, the benchmarks and `make screenshots` import stay out of the
  wheel. An editable install (`make demo`, `make test`) reads the source tree and keeps them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
STYLES = ROOT / "styles"
# (package, module) pairs left out of the wheel, each a development tool:
DEV_ONLY = {
    ("explorer.tui", "screenshots"),  # `make screenshots` and the SVG snapshot tests
    ("explorer.tui.edit", "bench"),  # the stand-alone edit app the edit-flow tests drive
    ("explorer.tui.filter", "timing"),  # the filter bar's keystroke timing for benchmarks
}


class RuntimeBuildPy(build_py):
    """`build_py` that leaves out `DEV_ONLY` and copies `styles/*.tcss` into the package."""

    def find_package_modules(self, package: str, package_dir: str) -> list[Any]:
        modules = super().find_package_modules(package, package_dir)
        return [module for module in modules if (module[0], module[1]) not in DEV_ONLY]

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the sheets where they are
        target = Path(self.build_lib) / "explorer" / "styles"
        self.mkpath(str(target))
        for sheet in sorted(STYLES.glob("*.tcss")):
            self.copy_file(str(sheet), str(target / sheet.name))


setup(cmdclass={"build_py": RuntimeBuildPy})
