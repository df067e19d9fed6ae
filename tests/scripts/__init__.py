"""Tests of the scripts' command lines: each runs as a process, as a contributor runs it."""
