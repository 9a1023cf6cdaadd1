"""The endpoint readings shared by the API rules: worked out once per document, each caller
getting its own list, and none read where the source names no HTTP method."""

from __future__ import annotations

from speclint.document.parser import parse
from speclint.reading.interfaces import http_endpoints, named_endpoints

_NAMED = """# Exports

The dashboard calls `GET /v1/exports/{id}` to show progress, then `DELETE /v1/exports/{id}`
once the file is downloaded.
"""

_DEFINED = """# Exports API

### POST /v1/exports

Starts an export. Returns `202` with the export's id.
"""


def test_named_endpoints_are_found_where_the_source_names_a_method() -> None:
    labels = [endpoint.label for endpoint in named_endpoints(parse(_NAMED, "exports.md"))]
    assert labels == ["GET /v1/exports/{id}", "DELETE /v1/exports/{id}"]


def test_no_named_endpoint_without_a_method_in_capitals() -> None:
    document = parse(_NAMED.replace("GET", "get").replace("DELETE", "delete"), "exports.md")
    assert named_endpoints(document) == []


def test_a_caller_changing_its_list_of_named_endpoints_leaves_the_next_callers() -> None:
    document = parse(_NAMED, "exports.md")
    named_endpoints(document).clear()
    assert len(named_endpoints(document)) == 2


def test_a_caller_changing_its_list_of_defined_endpoints_leaves_the_next_callers() -> None:
    document = parse(_DEFINED, "exports.md")
    first = http_endpoints(document)
    first.clear()
    assert [endpoint.label for endpoint in http_endpoints(document)] == ["POST /v1/exports"]
