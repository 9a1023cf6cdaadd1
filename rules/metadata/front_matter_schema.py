"""MD002 front-matter-schema: front matter (and a KEP's kep.yaml) validated against the profile's JSON Schema."""

from __future__ import annotations

import os
from typing import Any, Iterator

from speclint.document.model import Document, Span
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile


class FrontMatterSchema(Rule):
    """Flags front matter that does not match the JSON Schema of the document's kind; for a KEP, also its kep.yaml.

    **What it flags.** Missing required keys, values outside an enumeration (`status: drafted`),
    dates that are not real ISO dates (`2025-13-40`, `2025-1-5`, `yyyy-mm-dd`), empty owner or
    author lists, and values of the wrong type. Each finding points at the key's line (or at the
    value, for a wrong value). The schema is the project's (`front-matter:` in the configuration)
    when there is one, else the one the profile names (`prd`, `spec-kit`, `ears`,
    `kep`, `rust-rfc`, `adr`: `schemas/front-matter/<name>.schema.json`; profiles without one,
    such as `go-design`, are not checked); the `schema` option names another built-in schema or
    a path to a `.json` JSON Schema file. Keys a schema does not list
    are allowed: site generators add their own (`nav_order`, `parent`).

    For a KEP (a `README.md` with a `kep.yaml` beside it), `kep.yaml` is validated against the
    `kep` schema the same way; its findings are reported with the path and line of `kep.yaml`
    itself, so editors jump to the right file. Broken YAML in `kep.yaml` is reported there too
    (broken front matter is `front-matter-syntax`'s job).

    kep.yaml is held to what Kubernetes' own KEP validation accepts: the fields upstream declares
    optional (`participating-sigs`, `reviewers`, `see-also`, `replaces`, `superseded-by`,
    `prr-approvers`, milestones...) may be empty or absent, `stage` may be alpha, beta, stable or
    deprecated, `metrics` is required only from beta, and a real date need not be zero-padded.
    A misspelt status, an impossible date, `last-updated: v1.27` or `TBD` as a value is still
    reported. Front matter in the shape of an enhancement proposal (a `creation-date` and
    reviewers or approvers: OpenShift, Cluster API) is checked against the same values, but
    not for kep.yaml's required keys, which those projects' templates do not have.

    An OpenShift enhancement is held to what the project's metadata linter
    (`tools/enhancements/metadata.go`) accepts: a tracking link is a URL with a scheme, and a note
    after it (`https://issues.redhat.com/browse/OCPSTRAT-1 (AWS STS)`) is accepted; `TBD` or an
    empty entry among the authors, reviewers, approvers or api-approvers is rejected, whatever the
    proposal's status, since that linter rejects it in every status and the approver is who moves a
    provisional proposal forward. Dates, which that linter never parses, may be unpadded
    (`2020-2-5`) or written with dots or slashes, year first (`2021.12.08`); a date left as the
    template's `yyyy-mm-dd`, an impossible one, and a status left as the template's list of choices
    (`provisional|implementable|...`) are reported.

    **Why it matters.** Status boards, review reminders and ownership reports are built from this
    metadata. A misspelled status or an empty owner list silently drops the spec from them, and
    a date that does not exist breaks every tool that sorts by it.

    **Example**

    ```markdown
    ---
    title: Saved carts
    status: drafted
    owners: []
    updated: 2025-13-40
    ---
    ```

    **Use instead**

    ```markdown
    ---
    title: Saved carts
    status: draft
    owners: ["@maria.lopez"]
    updated: 2025-11-04
    ---
    ```
    """

    id = "MD002"
    name = "front-matter-schema"
    category = Category.METADATA
    default_level = Level.ERROR
    options = (
        Option("schema", "str", "",
               "A built-in schema name (prd, spec-kit, ears, kep, rust-rfc, adr) or a path to a JSON Schema file, "
               "instead of the profile's; 'none' turns front-matter validation off."),
        Option("kep-yaml", "bool", True, "Also validate kep.yaml next to a KEP's README.md."),
        Option("kep-schema", "str", "kep", "Schema name or path used for kep.yaml."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        front_matter = document.front_matter
        if front_matter is not None and front_matter.error is None:
            reference = _schema_reference(context)
            if reference == "prd" and not context.options["schema"].strip() and _is_proposal_metadata(front_matter.data):
                reference = "kep"  # an enhancement proposal's metadata, whatever kind the text looked like
            project_schema = context.settings.get("front-matter-schema")
            if isinstance(project_schema, dict) and not context.options["schema"].strip():
                reference = "project"  # the configuration's `front-matter` schema beats the profile's
            if reference:
                from speclint.reading import metadata  # only for documents that have metadata (start-up time)

                schema = project_schema if reference == "project" else metadata.load_schema(reference)
                if front_matter.data is not None and not isinstance(front_matter.data, dict):
                    yield Violation(_line_span(document.lines, front_matter.span.start.line + 1),
                                    "front matter must be a mapping of keys to values")
                else:
                    data = front_matter.data
                    if reference == "kep":
                        schema = _values_only(schema)
                    if reference in _PROPOSAL_SCHEMAS:
                        data = _padded_dates(data)
                    if reference in _STATUS_IN_ENGLISH:
                        data = _status_in_any_case(_status_in_english(data), schema)
                    for problem in metadata.validate(data, schema):
                        span = metadata.problem_span(front_matter, document.lines, problem)
                        yield Violation(span, f"{problem.message} ({_schema_label(reference)} schema)")
        if context.options["kep-yaml"] and _is_kep_readme(document, context):
            yield from self._check_kep_yaml(document, context.options["kep-schema"])

    def _check_kep_yaml(self, document: Document, reference: str) -> Iterator[Violation]:
        from speclint.reading import metadata

        kep = metadata.sibling_yaml(document, "kep.yaml")
        if kep is None:
            return
        if isinstance(kep, metadata.SiblingReadError):
            yield Violation(Span.point(1, 1), f"kep.yaml: {kep.message}", path=kep.path)
            return
        if kep.error is not None:
            position = kep.error.position
            yield Violation(_line_span(kep.lines, position.line, position.column), kep.error.message, path=kep.path)
            return
        if kep.data is not None and not isinstance(kep.data, dict):
            yield Violation(Span.point(1, 1), "kep.yaml must be a mapping of keys to values", path=kep.path)
            return
        schema = metadata.load_schema(reference)
        data = _padded_dates(kep.data) if reference in _PROPOSAL_SCHEMAS else kep.data
        for problem in metadata.validate(data, schema):
            span = metadata.problem_span(kep, kep.lines, problem)
            yield Violation(span, f"{problem.message} ({_schema_label(reference)} schema)", path=kep.path)


def _schema_reference(context: RuleContext) -> str:
    """The option's schema, else the profile's (`front_matter_schema`; a profile without one has no
    front-matter schema), else `prd` when there is no profile at all (the default profile)."""
    option = context.options["schema"].strip()
    if option:
        return "" if option.lower() == "none" else option
    profile: Any = context.profile
    if profile is None:
        return "prd"
    named = getattr(profile, "front_matter_schema", None)
    if isinstance(named, str) and named.strip().lower() not in ("", "none"):
        return named.strip()
    return ""


def _values_only(schema: dict[str, Any]) -> dict[str, Any]:
    """The kep schema without its required keys. A Kubernetes KEP keeps its metadata in kep.yaml;
    front matter on a KEP-style proposal (OpenShift, Cluster API) follows its own project's template,
    which names other keys, so only the values it gives are checked (Cluster API adds the status
    `experimental`)."""
    values = {key: value for key, value in schema.items() if key != "required"}
    status = values.get("properties", {}).get("status", {})
    if isinstance(status.get("enum"), list):
        values["properties"] = {**values["properties"], "status": {**status, "enum": [*status["enum"], "experimental"]}}
    return values


#: Schemas whose statuses a German, Spanish or French document writes in its own language
#: (`status: Entwurf`, `status: Aceptado`): read as the English status they stand for.
_STATUS_IN_ENGLISH = ("prd", "adr", "ears", "spec-kit")


def _status_in_english(data: Any) -> Any:
    from speclint.reading.languages import STATUS_VALUES

    status = data.get("status") if isinstance(data, dict) else None
    english = STATUS_VALUES.get(status.strip().lower()) if isinstance(status, str) else None
    return {**data, "status": english} if english else data


def _status_in_any_case(data: Any, schema: Any) -> Any:
    """`data` with its status written as the schema's own value it differs from only in case:
    `status: In Review` is the schema's `in review`. These schemas are read by people and our own
    tools, not by a validator that compares case, so the case an author writes is no defect."""
    status = data.get("status") if isinstance(data, dict) else None
    options = schema.get("properties", {}).get("status", {}).get("enum") if isinstance(schema, dict) else None
    if not isinstance(status, str) or not isinstance(options, list) or status in options:
        return data
    same = next((option for option in options if isinstance(option, str)
                 and option.casefold() == status.strip().casefold()), None)
    return {**data, "status": same} if same is not None else data


def _is_proposal_metadata(data: Any) -> bool:
    """Front matter in the shape of an enhancement proposal's (KEP, OpenShift, Cluster API): a
    creation date and the people who review or approve it."""
    return isinstance(data, dict) and "creation-date" in data and any(
        key in data for key in ("approvers", "reviewers", "owning-sig", "kep-number")
    )


# Enhancement-proposal metadata whose projects' tooling reads dates as plain strings: Kubernetes'
# KEP validation (api/proposal.go) and OpenShift's metadata-lint (tools/enhancements/metadata.go)
# never parse them, and Cluster API has no metadata validator.
_PROPOSAL_SCHEMAS = frozenset({"kep", "openshift-enhancement", "capi-proposal"})
#: A date with the year first, unpadded or with dots or slashes: 2020-2-5, 2021.12.08, 2021/12/8.
_UNPADDED_DATE = lazy_compile(r"^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$")


def _padded_dates(data: Any) -> Any:
    """`data` with dates like 2020-2-5 or 2021.12.08 written 2020-02-05, 2021-12-08. Enhancement-proposal
    tooling reads dates as plain strings, so a real date written so is no defect there; an impossible
    one still is."""
    if isinstance(data, dict):
        return {key: _padded_dates(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_padded_dates(value) for value in data]
    if isinstance(data, str):
        match = _UNPADDED_DATE.match(data.strip())
        if match:
            year, _separator, month, day = match.groups()
            return f"{year}-{int(month):02d}-{int(day):02d}"
    return data


def _schema_label(reference: str) -> str:
    return os.path.basename(reference) if reference.endswith(".json") else reference


def _is_kep_readme(document: Document, context: RuleContext) -> bool:
    """kep.yaml belongs to the KEP's README.md: checking it from every Markdown file in the
    folder would report each problem several times."""
    if document.file_path is None:
        return False
    return document.file_path.name.lower() == "readme.md" and (document.file_path.parent / "kep.yaml").is_file()


def _line_span(lines: list[str], line: int, column: int = 1) -> Span:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return Span.of(line, column, line, max(len(text.rstrip()) + 1, column))
