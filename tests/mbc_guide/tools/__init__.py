"""Tests of mbc_guide.tools, one file per module."""
