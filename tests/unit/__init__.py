"""Unit tests not yet moved beside the library module they test."""
