"""What the published site carries beyond its pages: the CSP, the installable app, the offline shim, minified assets."""
