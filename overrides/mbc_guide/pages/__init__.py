"""What the build writes into pages: generated pages, glossary mentions, the whole guide, share metadata."""
