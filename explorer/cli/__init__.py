"""The `elx` command line: headless commands and the app launcher."""
