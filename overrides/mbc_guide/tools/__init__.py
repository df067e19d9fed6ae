"""Helpers the scripts and the tests share: a browser, a local server, the strict build, sizes, PDFs, timings."""
