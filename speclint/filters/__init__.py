"""Stage 5 of the pipeline, filter: suppression comments (`suppressions`) and the baseline (`baseline`)."""
