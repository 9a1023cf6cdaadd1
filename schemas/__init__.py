"""JSON Schemas shipped with speclint (configuration, rule files, front matter, JSON output)."""
