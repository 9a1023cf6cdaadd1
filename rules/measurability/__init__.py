"""Measurability (MS): success criteria and non-functional requirements that state no number, threshold or time frame."""
