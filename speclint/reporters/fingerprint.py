"""GitHub code scanning's `primaryLocationLineHash`, computed exactly as `github/codeql-action`
computes it (`src/fingerprints.ts`), so that alerts keep their identity when lines move and the
upload action finds our value equal to its own instead of warning about a mismatch.

The hash of a line is a rolling polynomial hash (base 37, modulo 2**64) over the next 100
characters of the file from the start of that line, with spaces and tabs skipped and every line
ending read as `\\n`; characters are UTF-16 code units, as JavaScript sees them. A hash that occurs
more than once in a file gets a counter: `hash:1`, `hash:2`, ...
"""

from __future__ import annotations

BLOCK_SIZE = 100
_MOD = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_MOD, BLOCK_SIZE, 1 << 64)
_EOF = 0xFFFF  # what the JavaScript feeds in after the last character


def _code_units(text: str):  # type: ignore[no-untyped-def]
    for char in text:
        code = ord(char)
        if code > 0xFFFF:  # JavaScript strings hold astral characters as surrogate pairs
            code -= 0x10000
            yield 0xD800 + (code >> 10)
            yield 0xDC00 + (code & 0x3FF)
        else:
            yield code


def line_hashes(text: str) -> dict[int, str]:
    """`{line number (1-based): "hash:occurrence"}` for every line of `text`."""
    window = [0] * BLOCK_SIZE
    line_numbers = [-1] * BLOCK_SIZE
    hashes: dict[int, str] = {}
    counts: dict[str, int] = {}
    state = {"hash": 0, "index": 0}

    def output() -> None:
        value = format(state["hash"], "x")
        counts[value] = counts.get(value, 0) + 1
        hashes[line_numbers[state["index"]]] = f"{value}:{counts[value]}"
        line_numbers[state["index"]] = -1

    def update(code: int) -> None:
        index = state["index"]
        begin = window[index]
        window[index] = code
        state["hash"] = (_MOD * state["hash"] + code - _FIRST_MOD * begin) & _MASK
        state["index"] = (index + 1) % BLOCK_SIZE

    line_number = 0
    line_start = True
    previous_cr = False
    for code in (*_code_units(text), _EOF):
        if code in (0x20, 0x09) or (previous_cr and code == 0x0A):
            previous_cr = False
            continue
        if code == 0x0D:
            code = 0x0A
            previous_cr = True
        else:
            previous_cr = False
        if line_numbers[state["index"]] != -1:
            output()
        if line_start:
            line_start = False
            line_number += 1
            line_numbers[state["index"]] = line_number
        if code == 0x0A:
            line_start = True
        update(code)
    for _ in range(BLOCK_SIZE):  # flush the lines near the end of the file
        if line_numbers[state["index"]] != -1:
            output()
        update(0)
    return hashes
