"""`speclint.document.headings`: the tables it keeps between runs are the ones it builds."""

from __future__ import annotations

from speclint.document import headings


def test_the_foreign_title_table_kept_between_runs_is_the_one_built_from_section_names() -> None:
    assert headings._stored_foreign_phrases() == headings._foreign_phrases()
    assert headings._FOREIGN_PHRASES == headings._foreign_phrases()
