"""The floor of start-up: a Textual app that shows one static label and nothing else.

`benchmarks/tui_bench.py` starts it in a terminal next to `elx --sandbox` and times how long
its label takes to appear on the screen.
"""

from textual.app import App, ComposeResult
from textual.widgets import Static

LABEL = "Bare Textual app on screen"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(LABEL)


if __name__ == "__main__":
    BareApp().run()
