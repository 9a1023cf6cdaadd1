"""Structure (ST): the document's shape against its profile: missing, empty, duplicate or misordered sections, the title, heading levels, and unused suppression comments."""
