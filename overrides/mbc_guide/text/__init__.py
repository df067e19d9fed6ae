"""Rules for plain text: how names are compared, respellings, escaping for Markdown."""
