"""bench/PRECISION.md maps every class of wrong finding in issue 12 to its fixture: each test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIXTURE_MAP = TESTS.parent / "bench" / "PRECISION.md"


def test_every_fixture_the_map_names_is_a_test_of_the_suite() -> None:
    named = set(re.findall(r"`(?:[\w]+\.py::)?(test_\w+)`", FIXTURE_MAP.read_text(encoding="utf-8")))
    defined = {name for path in TESTS.glob("test_*.py")
               for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)}

    assert named and not named - defined, sorted(named - defined)
