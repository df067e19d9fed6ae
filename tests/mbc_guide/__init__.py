"""Tests of the library, one file per module: tests/mbc_guide/<package>/test_<module>.py."""
