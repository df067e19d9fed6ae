"""Tests of mbc_guide.messages, one file per module."""
