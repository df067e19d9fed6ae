"""Tests of mbc_guide.publish, one file per module."""
