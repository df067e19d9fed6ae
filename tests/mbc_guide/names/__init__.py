"""Tests of mbc_guide.names, one file per module."""
