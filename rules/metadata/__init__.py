"""Metadata (MD): front matter and companion metadata files (a KEP's kep.yaml): syntax, and the profile's JSON Schema (`speclint.reading.metadata`)."""
