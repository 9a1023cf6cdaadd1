"""Wording (WD): words that make a requirement unverifiable: vague terms, escape clauses, open-ended lists, unbounded absolutes, weak modals (word lists in `speclint.reading.wording`)."""
