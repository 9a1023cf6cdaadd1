"""Edge cases (EC): whether the document names its edge cases and boundary conditions (`speclint.reading.edge_cases`)."""
