"""One build under way: its state, its settings, the page steps and the finished page."""
