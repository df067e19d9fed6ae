"""The test suite: library tests mirror overrides/mbc_guide, then scripts, the built site and the browser."""
