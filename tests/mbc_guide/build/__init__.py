"""Tests of mbc_guide.build, one file per module."""
