"""Files next to a document that rules may read, named apart from `speclint.reading.metadata`
(which reads them): the results cache keys on them too, and a one-file run should not import the
metadata reader (with json, datetime and dataclasses) just to know their names."""

from __future__ import annotations

#: Markdown files next to a document that rules may read (the results cache keys on them too).
SIBLING_DOCUMENTS = frozenset({"requirements.md"})
