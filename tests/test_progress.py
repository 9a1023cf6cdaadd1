"""The progress bar: invisible on short runs, throttled, erased at the end."""

from __future__ import annotations

import io

from speclint.cli.progress import ProgressBar


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_short_run_draws_nothing() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, delay=0.5, clock=clock)
    clock.now = 0.2
    bar(1, 3, "a.md")
    bar.close()
    assert stream.getvalue() == ""


def test_long_run_draws_the_bar_on_one_line_and_erases_it() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, delay=0.5, clock=clock, width=80)
    clock.now = 1.0
    bar(50, 200, "docs/specs/checkout.md")
    assert stream.getvalue() == "\r[#######.......................] 50/200 files docs/specs/checkout.md\x1b[K"
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")
    assert "\n" not in stream.getvalue()


def test_redraws_are_throttled_but_the_last_file_is_always_shown() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, delay=0.0, interval=0.1, clock=clock)
    for done in range(1, 100):
        bar(done, 100, "a.md")
    bar(100, 100, "a.md")
    assert stream.getvalue().count("\r") == 2  # the first file, then the last


def test_long_path_is_shortened_from_the_left() -> None:
    bar = ProgressBar(io.StringIO(), width=60)
    line = bar.line(1, 2, "docs/" + "very-long-folder-name/" * 5 + "spec.md")
    assert len(line) <= 59 and line.endswith("/spec.md") and "…" in line
