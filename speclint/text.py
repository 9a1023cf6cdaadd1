"""`speclint.text` is `speclint.document.text`: this alias keeps plugins written against the old path loading."""

import sys

import speclint.document.text as _moved

sys.modules[__name__] = _moved
