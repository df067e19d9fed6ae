"""Tests of mbc_guide.pages, one file per module."""
