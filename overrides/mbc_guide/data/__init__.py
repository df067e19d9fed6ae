"""The data files and page front matter, loaded and checked into typed records."""
