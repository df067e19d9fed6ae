"""Browser tests: the built site in Chromium, served and from file://, at desktop and phone widths."""
