"""Elementum Explorer: browse, filter and edit Elementum records from a terminal."""

__version__ = "0.1.0"
