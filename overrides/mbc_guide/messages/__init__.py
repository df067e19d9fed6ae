"""How build and check messages name their file and line, in a terminal and in GitHub Actions."""
