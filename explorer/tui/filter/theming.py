"""Rich styles from a widget's themed component classes, with translucent colours resolved."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

_PLAIN = Style()


def component_style(widget: Widget, component: str) -> Style:
    """The component's colours blended over the widget (as CSS shows them), minus the widget's
    own background unless the component sets one, so the style can paint spans of text."""
    partial = widget.get_component_rich_style(component, partial=True, default=_PLAIN)
    full = widget.get_component_rich_style(component, default=_PLAIN)
    background = full.bgcolor if partial.bgcolor is not None else None
    return partial.without_color + Style(color=full.color, bgcolor=background)
