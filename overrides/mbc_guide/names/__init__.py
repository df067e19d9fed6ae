"""Names in text: finding glossary names, marking them, and spotting unknown drug names."""
