"""Error handling (EH): operations that can fail (`speclint.reading.operations`) and whether the document says what happens when they do."""
