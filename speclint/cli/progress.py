"""A progress bar on standard error for long runs in a terminal.

It stays invisible for short runs (a pre-commit hook on three files must not flicker): it appears
only once the run has taken `delay` seconds, redraws at most ten times a second, and erases itself
when the run ends, so the report that follows starts on a clean line.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO

BAR_WIDTH = 30


class ProgressBar:
    def __init__(
        self,
        stream: TextIO,
        delay: float = 0.5,
        interval: float = 0.1,
        width: int = 80,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.delay = delay
        self.interval = interval
        self.width = width
        self.clock = clock
        self.started = clock()
        self.last_drawn: float | None = None

    def __call__(self, done: int, total: int, path: str) -> None:
        """Runner callback: `done` of `total` files linted, the last one `path`."""
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self.last_drawn is not None and now - self.last_drawn < self.interval and done < total:
            return
        self.last_drawn = now
        self.stream.write("\r" + self.line(done, total, path) + "\x1b[K")
        self.stream.flush()

    def line(self, done: int, total: int, path: str) -> str:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        counter = f"{done}/{total} files"
        text = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {counter} "
        room = self.width - len(text) - 1
        if room > 10:
            text += path if len(path) <= room else "…" + path[-(room - 1):]
        return text

    def close(self) -> None:
        """Erase the bar if it was ever drawn."""
        if self.last_drawn is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
