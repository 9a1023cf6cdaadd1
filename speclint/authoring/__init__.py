"""Helping the author write and repair a spec: fixes for findings (`repairs`), a new document from a
profile (`scaffold`, `speclint new`) and a document's outline against its profile (`outline`)."""
