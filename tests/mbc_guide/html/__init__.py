"""Tests of mbc_guide.html, one file per module."""
