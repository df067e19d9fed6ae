"""The checks the validator and the build share: coverage, sources, links, rendering."""
