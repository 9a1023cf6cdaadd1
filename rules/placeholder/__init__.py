"""Placeholder (PH): text left for later: TBD/TODO markers, unfilled template placeholders, and the template's guidance left in place."""
