"""HTML read and changed through one parser, the content gate, and the page-body steps."""
