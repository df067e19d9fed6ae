"""Tests of mbc_guide.text, one file per module."""
