"""Tests of mbc_guide.search, one file per module."""
