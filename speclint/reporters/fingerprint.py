"""GitHub code scanning's `primaryLocationLineHash`, computed exactly as `github/codeql-action`
computes it (`src/fingerprints.ts`), so that alerts keep their identity when lines move and the
upload action finds our value equal to its own instead of warning about a mismatch.

The hash of a line is a polynomial hash (base 37, modulo 2**64) of the 100 characters of the file
that follow the start of that line, with spaces and tabs skipped and every line ending read as one
`\\n`; past the end of the file come 0xFFFF and then zeros. Characters are UTF-16 code units, as
JavaScript sees them. A value that occurs more than once in a file gets a counter: `hash:1`,
`hash:2`, ... in line order. The action computes every line's hash with a rolling window; here only
the lines asked for are hashed (the occurrence counter compares windows), which keeps SARIF output
fast on long documents.
"""

from __future__ import annotations

import sys
from array import array
from typing import Iterable
from speclint.lazy_regex import lazy_compile


BLOCK_SIZE = 100
_BASE = 37
_MASK = (1 << 64) - 1
_BASE_POWER = pow(_BASE, BLOCK_SIZE, 1 << 64)
_END_OF_FILE = 0xFFFF
_LINE_END = lazy_compile(r"\r\n|\r")
# After the last character: the end-of-file mark, then zeros, enough to fill any window.
_PADDING = _END_OF_FILE.to_bytes(2, "little") + bytes(2 * BLOCK_SIZE)


def line_hashes(text: str, wanted: Iterable[int] | None = None) -> dict[int, str]:
    """`{line number (1-based): "hash:occurrence"}` for the `wanted` lines of `text` (default: all)."""
    # A CRLF is one line ending, and so is a lone CR. Blanks are removed after, as in the action
    # (where a blank between a CR and an LF makes two line endings).
    normalized = _LINE_END.sub("\n", text).replace(" ", "").replace("\t", "")
    lines = normalized.split("\n")  # after the last LF, the end-of-file mark starts one more line
    wanted_lines = set(range(1, len(lines) + 1) if wanted is None else wanted)
    last_line = min(max(wanted_lines, default=0), len(lines))
    data = normalized.encode("utf-16-le", "surrogatepass") + _PADDING

    hashes: dict[int, str] = {}
    seen: dict[bytes, int] = {}
    offset = 0  # in bytes: two per UTF-16 code unit
    for number in range(1, last_line + 1):
        window = data[offset:offset + 2 * BLOCK_SIZE]
        # The action numbers equal hash values; equal windows have equal values, and two different
        # windows sharing a 64-bit value is too unlikely to matter, so count the windows instead.
        seen[window] = seen.get(window, 0) + 1
        if number in wanted_lines:
            hashes[number] = f"{_hash(window):x}:{seen[window]}"
        offset += len(lines[number - 1].encode("utf-16-le", "surrogatepass")) + 2
    return hashes


def _hash(window: bytes) -> int:
    value = 0
    for unit in array("H", window) if sys.byteorder == "little" else _swapped(window):
        value = (value * _BASE + unit) & _MASK
    return value


def _swapped(window: bytes) -> array:
    units = array("H", window)
    units.byteswap()
    return units
