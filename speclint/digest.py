"""SHA-256 from the interpreter's own module: the same digests as `hashlib.sha256`, without loading
OpenSSL (about 3% of a one-file run). The results cache and the start-up store both use it."""

from __future__ import annotations

try:
    from _sha256 import sha256  # CPython up to 3.11
except ImportError:  # pragma: no cover - other versions and interpreters
    try:
        from _sha2 import sha256  # type: ignore[no-redef]  # CPython 3.12+
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]

__all__ = ["sha256"]
