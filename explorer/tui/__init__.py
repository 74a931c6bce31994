"""The Textual app: composes the headless core into screens and widgets."""
