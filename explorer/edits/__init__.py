"""Headless editing core: staged edits, value parsing, saving, bulk edits and export.

Never imports Textual, so the same rules serve the app, the CLI and the tests.
"""
