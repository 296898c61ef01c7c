"""cpguide: English child protection conference procedures as validated, traceable content.

The package holds the content model, loading, validation, deadline rules and page generation.
It never imports MkDocs: the hooks in ../hooks are thin adapters around it.
"""

__version__ = "0.1.0"
