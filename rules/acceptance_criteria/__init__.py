"""Acceptance criteria (AC): whether each requirement or story says how it will be checked, and whether the criteria (Gherkin, EARS) can be checked. They share `speclint.reading.requirements`."""
