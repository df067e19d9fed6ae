"""Tests of mbc_guide.data, one file per module."""
