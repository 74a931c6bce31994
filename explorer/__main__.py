"""`python -m explorer` is `elx`."""

from explorer.cli.main import entry

entry()
