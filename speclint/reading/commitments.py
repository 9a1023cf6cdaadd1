"""What a document commits to: one model, computed once per document, queried by every rule.

A specification commits to requirements and user stories, to the acceptance criteria that make
them checkable, to the IDs by which tests and tickets cite them, and to the normative statements
the wording and measurability rules judge. Those are read by `speclint.reading.requirements`
(requirements, stories, criteria) and `speclint.reading.normative` (statements, ID occurrences),
both from the one vocabulary in `speclint.reading.vocabulary`; this module puts them together:

    model = commitments(document, context)
    model.requirements      # requirements and stories, each with its own criteria
    model.criteria          # every acceptance criterion in the document
    model.ids               # every requirement ID, definitions marked
    model.statements        # normative statements (what wording rules judge)
    model.defines(id)       # is this ID defined here (itself, or as a family/range member)?

Each part is computed on first use and kept with the document, so rules that ask for the same
part share one reading.
"""

from __future__ import annotations

import weakref
from typing import Sequence

from speclint.document.model import Document
from speclint.reading.normative import IdOccurrence, Statement, normative_statements, requirement_ids
from speclint.reading.requirements import Criterion, Requirement, is_ears_document, picture
from speclint.reading.vocabulary import DEFAULT_ID_PREFIXES, id_number
from speclint.record import Record


class Commitments(Record):
    """The model of one document's commitments (see the module docstring)."""

    __slots__ = ("_document", "ears", "_defined")

    def __init__(
        self,
        _document: weakref.ref[Document],
        ears: bool,
        _defined: dict[tuple[str, ...], set[str]] | None = None,
    ) -> None:
        self._document = _document  # weak: the model is cached with its document as key
        self.ears = ears
        self._defined = {} if _defined is None else _defined

    @property
    def document(self) -> Document:
        document = self._document()
        assert document is not None, "the model outlived its document"
        return document

    @property
    def requirements(self) -> list[Requirement]:
        return picture(self.document, self.ears).requirements

    @property
    def criteria(self) -> list[Criterion]:
        return picture(self.document, self.ears).criteria

    @property
    def statements(self) -> list[Statement]:
        return normative_statements(self.document)

    def ids(self, prefixes: Sequence[str] = DEFAULT_ID_PREFIXES) -> list[IdOccurrence]:
        return requirement_ids(self.document, prefixes)

    def defined_ids(self, prefixes: Sequence[str] = DEFAULT_ID_PREFIXES) -> set[str]:
        key = tuple(prefixes)
        if key not in self._defined:
            defined = {each.requirement_id for each in self.ids(prefixes) if each.defines}
            # a heading's label over defined members ("### Caching (FR-300)" over FR-301...) is
            # defined by them: a later "see FR-300" resolves to that block
            labels = {each.requirement_id for each in self.ids(prefixes)
                      if each.extent == "label" and names_defined_family(each, defined)}
            self._defined[key] = defined | labels
        return self._defined[key]

    def defines(self, occurrence: IdOccurrence, prefixes: Sequence[str] = DEFAULT_ID_PREFIXES) -> bool:
        """True when the ID an occurrence names is defined here: itself, or, for a family
        (`FR-8.x`, `FR-100 series`) or a range (`FR-1.1-1.15`), some of its members."""
        defined = self.defined_ids(prefixes)
        if occurrence.defines or occurrence.requirement_id in defined:
            return True
        return bool(occurrence.extent) and names_defined_family(occurrence, defined)


_models: weakref.WeakKeyDictionary[Document, dict[bool, Commitments]] = weakref.WeakKeyDictionary()


def commitments(document: Document, context: object = None) -> Commitments:
    """The document's commitments (one model per document and EARS reading, built lazily)."""
    ears = is_ears_document(document, context)
    per_document = _models.setdefault(document, {})
    if ears not in per_document:
        per_document[ears] = Commitments(weakref.ref(document), ears)
    return per_document[ears]


def names_defined_family(occurrence: IdOccurrence, defined: set[str]) -> bool:
    """True when a family (`FR-8.x`), a range (`FR-1.1-1.15`) or a heading's label (`### Caching
    (FR-300)`) names IDs that are defined: `FR-8.x` resolves to FR-8.1, FR-8.2..., the label
    FR-300 to FR-301..."""
    if not occurrence.extent:
        return False
    reference = id_number(occurrence.requirement_id)
    if reference is None:
        return False
    prefix, numbers = reference
    for requirement_id in defined:
        candidate = id_number(requirement_id)
        if candidate is None or candidate[0] != prefix:
            continue
        if occurrence.extent == "range" or (occurrence.extent == "family" and candidate[1][: len(numbers)] == numbers):
            return True
        if occurrence.extent == "label" and len(numbers) == 1 and len(candidate[1]) >= 1:
            # a heading's round number names its block: (FR-100) -> FR-101..FR-199, (FR-8) -> FR-8.1
            number, member = numbers[0], candidate[1][0]
            block = 100 if number % 100 == 0 else 10 if number % 10 == 0 else 0
            if (block and number < member < number + block) or (member == number and len(candidate[1]) > 1):
                return True
    return False
