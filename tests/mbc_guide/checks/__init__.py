"""Tests of mbc_guide.checks, one file per module."""
