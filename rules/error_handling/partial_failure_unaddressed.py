"""EH009 partial-failure-unaddressed: two writes done one after the other, and nothing on the second failing after the first."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Group, Level, Rule, RuleContext, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.operations import CALL_FAILURE, describes_tests, skipped_section
from speclint.reading.requirements import TASK_LISTS, document_kind


class PartialFailureUnaddressed(Rule):
    """Flags a step that writes to one place after another step wrote to another, when nothing says what happens if the second fails after the first succeeded.

    **What it flags.** A sentence that changes two places one after the other: "create the new
    password in the database and write it to Vault", "stores the order in Postgres, then publishes
    it to the orders topic", or a step that runs only once another has succeeded: "After a successful
    import, the job MUST update `catalog.json`", "WHEN the file has been uploaded to the bucket, THE
    service SHALL record it in the index". Reported at the second step, when the document never speaks
    of the state between them: no partial failure, no crash between the steps, no rollback,
    compensation, reconciliation or clean-up, no transaction or idempotent retry, and no sentence
    that names the second step's target with a failure.

    **Why it matters.** The first write has committed when the second fails. Unless the spec says
    what happens then (undo the first, retry the second, reconcile later, tell someone), the system
    keeps a password nobody has, a subtree with no config entry, a message marked sent that never
    left.

    **Example**

    ```markdown
    - The agent creates the new key in the HSM and writes its id to the key registry.
    ```

    **Use instead**

    ```markdown
    - The agent creates the new key in the HSM and writes its id to the key registry. If the
      registry write fails, the agent deletes the new key and retries the rotation in 10 minutes.
    ```
    """

    id = "EH009"
    name = "partial-failure-unaddressed"
    category = Category.ERROR_HANDLING
    default_level = Level.WARNING
    # Preview: new in round 17, its corpus findings judged in bench/verdicts/round17-failure17.tsv.
    group = Group.PREVIEW

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        if document_kind(document, context) in TASK_LISTS:
            return
        source = document.source
        if not (_THEN_WRITE.search(source) or _SUCCEEDED.search(source)):
            return  # most documents write nothing after anything: one scan of the source
        from speclint.document.text import group_span, iter_prose, mask_invisible, searched_text

        pieces = [piece for piece in iter_prose(document)
                  if piece.kind != "heading" and not skipped_section(piece.section) and not describes_tests(piece.section)]
        failures: list[str] | None = None
        for piece in pieces:
            text = searched_text(piece.segments)
            for match in _sequences(text):
                target = " ".join(match.group("target").strip("`*_ ").split())
                first = match.groupdict().get("first")
                if first and (_same_place(first, target) or _NOT_A_PLACE.match(first)):
                    continue
                if _WISH.search(text, max(0, match.start() - 80), match.start()):
                    continue  # a user story's wish ("I want ... to read and write to storage"), not a step
                if failures is None:  # (worked out once, for the first sequence found)
                    if _PARTIAL_STATE.search(source):
                        return  # the document speaks of the state between two steps
                    failures = [sentence for each in pieces
                                for sentence in _SENTENCE.findall(mask_invisible("\n".join(s.text for s in each.segments)))
                                if CALL_FAILURE.search(sentence)]
                if _named_with_failure(target, failures):
                    continue
                yield Violation(group_span(piece.segments, match, "step"),
                                f"'{' '.join(match.group('step').split()).rstrip('.')}' runs after another write has "
                                "committed, and the document never says what happens when it fails then: say "
                                "what is undone, retried or reconciled, and who is told")
                return  # one finding per document: the gap is the same for its other sequences


def _sequences(text: str) -> Iterator[re.Match[str]]:
    """The sequences of `text`, each tried where it can start (a write word; "after", "once", "when"): the
    patterns' lazy gaps cost too much when tried at every position of every piece."""
    then_write = _THEN_WRITE.search(text)
    succeeded = _SUCCEEDED.search(text)
    if not (then_write or succeeded):
        return
    writes = [match.start() for match in _WRITE_WORD.finditer(text)]
    if then_write and len(writes) >= 2:
        for start in writes[:-1]:
            match = _TWO_WRITES.match(text, start)
            if match:
                yield match
    if writes and succeeded:
        for opener in _OPENER.finditer(text):
            match = _AFTER_SUCCESS.match(text, opener.start())
            if match:
                yield match


#: A write, in the words a step is written with.
_WRITE = (r"(?:creates?|creating|writes?|writing|stores?|storing|saves?|saving|inserts?|inserting|updates?|updating|"
          r"deletes?|deleting|removes?|removing|publish(?:es)?|publishing|records?|recording|registers?|"
          r"persists?|persisting|commits?|committing|uploads?|uploading|revokes?|revoking|marks?|marking)")
#: Where a write goes: "in the database", "to Vault", "into `streak_events`".
_PLACE = r"(?:in|into|to|on|from)\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+|their\s+)?"
#: A place: a name, a code span or a noun phrase of up to three words.
_TARGET = r"(?P<target>`[^`\n]+`|[\w.'-]+(?:\s+(?!and\b|then\b|with\b|as\b|for\b|so\b|before\b|after\b)[\w.'-]+){0,2})"
#: Two writes to two places in one sentence: "create the password in the database and write it to Vault".
_TWO_WRITES = lazy_compile(
    r"\b" + _WRITE + r"\s+(?:[\w`'.-]+\s+){0,5}?" + _PLACE + r"(?P<first>`[^`\n]+`|[\w.'-]+(?:\s+[\w.'-]+){0,2}?)"
    r"(?:\s+(?:[\w`'.-]+\s+){0,3}?)?,?\s+(?:and\s+then|and|then|before\s+it|after\s+that)\s+(?:it\s+|they\s+)?"
    r"(?P<step>" + _WRITE + r"\s+(?:[\w`'.-]+\s+){0,5}?" + _PLACE + _TARGET + r")", re.I)
#: A step that runs once another has succeeded: "After a successful import, the job MUST update
#: `catalog.json`", "WHEN the file has been uploaded to the bucket, THE service SHALL record it in the index".
_AFTER_SUCCESS = lazy_compile(
    r"\b(?:after\s+(?:a\s+|the\s+)?successful(?:ly)?|once\s+(?:[\w`'.-]+\s+){1,6}?(?:has\s+|have\s+)?succeed(?:s|ed)|"
    r"when\s+(?:[\w`'.-]+\s+){1,6}?(?:has|have)\s+been\s+" + _WRITE.replace("(?:creates?", "(?:created|written|stored|"
                                                                           "saved|uploaded|committed|sent|charged|creates?")
    + r")[^.;\n]{0,80}?,\s*(?:the\s+|THE\s+)?(?:[\w`'.-]+\s+){1,3}?(?:shall|must|will|should|then)\s+"
    r"(?P<step>" + _WRITE + r"\s+(?:[\w`'.-]+\s+){0,5}?(?:" + _PLACE + r")?" + _TARGET + r")", re.I)
_WRITE_WORD = lazy_compile(r"\b" + _WRITE + r"\b", re.I)
#: Where a step run after another's success is said, and the words that say it.
_OPENER = lazy_compile(r"\b(?:after|once|when)\b", re.I)
_SUCCEEDED = lazy_compile(r"\bsuccessful|\bsucceed|\b(?:has|have)\s+been\s+(?:written|created|stored|saved|uploaded|"
                          r"committed|sent|charged|recorded|published)\b", re.I)
#: A second write joined to a first: "and write it", "then publishes" (a cheap test before the sequences).
_THEN_WRITE = lazy_compile(r"\b(?:and|then|after\s+that|before\s+it)\s+(?:then\s+)?(?:it\s+|they\s+)?" + _WRITE + r"\b",
                           re.I)
#: The state between two steps, spoken of: a partial failure, a crash between them, a rollback, a
#: compensation, a reconciliation or clean-up, a transaction or an idempotent retry, an outbox.
_PARTIAL_STATE = lazy_compile(
    r"\bpartial(?:ly)?\b|\bhalf[- ](?:way|done|written|applied|finished|processed)\b|\bfail(?:s|ed|ing|ures?)?\s+after\b|"
    r"\bcrash\w*\s+(?:between|after|before|mid|in\s+the\s+middle)\b|\bin\s+between\b|\broll(?:s|ed|ing)?\s*back\b|"
    r"\brollbacks?\b|\bcompensat\w+|\brevert\w*|\bundo(?:es|ne)?\b|\borphan\w*|\bdangling\b|\binconsisten\w+|"
    r"\bout\s+of\s+sync\b|\breconcil\w+|\batomic\w*|\btransaction(?:al|ally)?\b|\btwo[- ]phase\b|\boutbox\b|\bsagas?\b|"
    r"\bidempoten\w+|\bclean[- ]?up\b|\bleftover\w*|\bat[- ](?:least|most)[- ]once\b|\bexactly[- ]once\b", re.I)
#: A "to" that starts an infinitive, not a place: "create to be able to read", "update to make sure".
_NOT_A_PLACE = lazy_compile(r"(?:be|have|make|get|allow|ensure|let|keep|do|see|avoid|able)\b", re.I)
#: A user story's wish, before the words: "As a developer, I want the workloads to read and write to storage".
_WISH = lazy_compile(r"\bI\s+(?:want|need|would\s+like)\b|\bas\s+an?\s+[\w -]+,", re.I)
_SENTENCE = lazy_compile(r"[^.;!?\n]+(?:[.;!?]+|$)", re.M)
#: Words of a place that say nothing of which place it is.
_FILLER = frozenset({"the", "a", "an", "our", "its", "their", "new", "same", "it", "them", "of", "version", "path"})


def _words(place: str) -> set[str]:
    return {word for word in re.findall(r"[\w-]+(?:\.[\w-]+)*", place.lower()) if word not in _FILLER}


def _same_place(first: str, second: str) -> bool:
    """"the ledger" and "the ledger table" are one place: two writes to it are one transaction's."""
    one, two = _words(first), _words(second)
    return not one or not two or bool(one & two)


def _named_with_failure(target: str, failures: list[str]) -> bool:
    """A sentence that says something fails names the second step's place: "if the Vault write fails"."""
    words = _words(target)
    return any(word in sentence.lower() for sentence in failures for word in words if len(word) > 2)
