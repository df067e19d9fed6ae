"""One build's state and the ordered steps the hooks run."""
