"""The library behind the site: its data, the names in its text, its HTML, generated pages, search, checks and the published extras."""
