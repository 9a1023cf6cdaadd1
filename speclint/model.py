"""`speclint.model` is `speclint.document.model`: this alias keeps plugins written against the old path loading."""

import sys

import speclint.document.model as _moved

sys.modules[__name__] = _moved
