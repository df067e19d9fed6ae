"""The search index's readers' words and the site's search worker."""
