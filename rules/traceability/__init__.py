"""Traceability (TR): requirement IDs and links: duplicate IDs, references to IDs that do not exist, broken in-document links."""
