"""Headless core: never imports Textual."""
