"""The headless command line: every sub-command drives the same core as the TUI."""
