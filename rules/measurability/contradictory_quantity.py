"""MS010 contradictory-quantity: the same quantity stated twice with different values."""

from __future__ import annotations

from typing import Iterator

from speclint.document.model import Document
from speclint.engine.rule import Category, Level, Rule, RuleContext, Violation
from speclint.reading.labelled_quantities import labelled_contradictions
from speclint.reading.quantities import Statement, contradictions
from speclint.reading.restated_quantities import restated_contradictions


class ContradictoryQuantity(Rule):
    """Flags a quantity stated twice with different values: the same subject, the same unit, another number.

    **What it flags.** Two statements in different paragraphs, items or cells that give the same
    subject a different number in the same unit: "reset links expire after 7 days" and "the reset
    link expires after 14 days"; "a 14-day trial" and "a 30-day trial"; "session timeout: 30
    minutes" and "session timeout of 1 hour"; "conversion must not drop more than 5%" and
    "pause the rollout if conversion drops more than 10%". Durations are compared in one unit
    (24 hours is 1 day). Limits stated in other words count as one: "retained for 7 days" and "we
    keep them for 14 days"; "session timeout: 30 minutes" and "sessions expire after 60 minutes";
    "a 1% fee" and a fact-table row "| Fee | 1.5% |"; "a fee of 1%" and a FAQ's answer to "How
    much does it cost?" that says "1.5% of the amount"; "retried up to 3 times" and "dead-lettered
    after 5 attempts" (three retries are four attempts); a setting in a table row ("| Card network
    timeout | 60 s |"); "the call waits up to 30 seconds before giving up" and "the call takes a
    timeout; the kubelet sets it to 60 seconds"; "the topic keeps events for 7 days" and "...,
    since retention is 14 days". A subject qualified after its noun is that noun qualified:
    "credit earned through referrals is valid for 60 days" is about the same credit as "credit
    expires 30 days after it is earned", and "points awarded for reviews" are not "points
    awarded for promotions". A size limit counts: "attach files of up to 25 MB" and a limits-table
    row "| Maximum attachment size | 50 MB |". So does one sentence written twice with another number
    ("access logs are retained for 30 days in the hot tier" and "... for 90 days in the hot tier to
    satisfy the audit"; "fewer than 1% of pods report a timeout" and "... fewer than 5% of pods report
    a timeout"), when at least four words of its clause around the number are the same, in the same
    unit and bound, with the sentence's other numbers unchanged; not in table rows (cases), nor when the
    longer adds a scope ("for the storage suite"), the subject is a pronoun ("It swings at most 3%"),
    the clause is a condition ("WHEN the duration is greater than 1 hour"), the sentence is
    hypothetical ("would") or made for one environment ("in staging"). Statements that compare, change or illustrate a number ("was 7, now 14",
    "from 7 to 14 days", "e.g.", "default", "premium plans") are not taken, nor bounds of other
    quantities ("up to", "maximum"), non-goals and alternatives; nor two things of one kind
    ("access tokens", "refresh tokens"), failed sign-in thresholds (a CAPTCHA after 3, a lock
    after 5), or a provider's own fee ("Stripe charges 1%" beside "our fee is 1.5%"). The finding points at the later statement and names
    the earlier one.

    Quantities named in other words count too: a duration named by a phrase, before or after its number
    ("a hold period of 7 days" and "the 14-day dispute hold"; "a recovery point objective of 5 minutes"
    and "the recovery point objective becomes 15 minutes"; "a three-working-day grace period"), a count
    limit with its owner ("a zone can hold up to 100 delegations" and "each zone is limited to 50
    delegations"; "bis zu 5 Artikel pro Bestellung"), a hold and its release ("held for 10 days",
    "released after 14 days"; "retener ... durante 10 días", "se libera a los 14 días"), a FAQ's answer to
    "How long does a lock last?" against "lock a flight price for 72 hours", a deadline on one act ("deben
    firmarse en un plazo de 5 días hábiles", "si no firma en el plazo de 10 días hábiles"; working days are
    not days), a duration set in a configuration block (`"refresh_interval": "5s"` under `"index"`, against
    "the live index is refreshed every 30 seconds"), and a value cell's qualifier ("| Release threshold |
    90% SoC |" against "release it once its SoC reaches 80%"). So are names in German, Spanish, Portuguese,
    Italian and French ("eine Übergangsfrist von 30 Tagen" and "der Übergangsfrist von 60 Tagen"), sizes ("a hard cap
    of 40 TiB" and "a 32 TiB cap"; "500Mi"), a deadline said by what happens when it is missed or named by its act
    ("Prazo para retirar: 5 dias" and "Pedido não retirado em 7 dias"), a maximum per one thing ("max amount you can
    request per split is €500" and "Per split: max €250 total requested"), a retry count in words against one set in a
    configuration block ("retries the same mirror twice" and `retry = 3`), a term defined by a state against a duration
    of that state ("Grace period: the time during which the old and new credential are valid. The grace period is 24
    hours." and "keep the old credential valid for 12 hours"), and a default in prose against the API field's comment
    ("the default budget of 500Mi" and "// LogBudget ... Defaults to 1Gi"), a count limit given by a limits table's
    row ("a journal entry holds up to 50 postings" and "| Postings per journal entry | at most 100 |"), a fee named in
    German, Spanish, Portuguese, Italian or French with a decimal comma ("Gebühr: 1,0 %" and "Die Gebühr von 1,5 %"),
    and a threshold passed or crossed ("failed installs exceed 3%" and, on a wrapped line, "once failed installs pass
    1.5%"). Not taken: a table row that gives several values of the quantity (now and target, one per tier), a
    sentence whose number bounds a change ("the step is extended, up to 1 hour"), rate rows ("Requests per minute"),
    one-word names in per-case sections ("Timeline: ~5 minutes" under each severity), timeouts and latencies (each call has its
    own), holds whose clauses share no word of what is held, deadlines set for a case ("P1 incidents"),
    configuration blocks introduced as an example, and changes from one value to another; nor maximums of two cases
    ("€100 per transfer for basic accounts, €1,000 for verified"), rates ("per day"), two configured counts, sizes
    in plain bytes, or defaults of two fields.

    **Why it matters.** Two numbers for one thing mean one of them is wrong, and each reader
    picks the one they read first: the backend expires links after 7 days, the email says 14.

    **Example**

    ```markdown
    ## Requirements
    - Reset links expire after 7 days.

    ## Email copy
    - "Your reset link expires after 14 days."
    ```

    **Use instead**

    ```markdown
    ## Requirements
    - Reset links expire after 7 days.

    ## Email copy
    - "Your reset link expires after 7 days."
    ```
    """

    id = "MS010"
    name = "contradictory-quantity"
    category = Category.MEASURABILITY
    default_level = Level.INFO
    # Info level, on by default: no finding on the 2,004 corpus files (bench/verdicts/round8-recall-measure3.tsv),
    # none on the tier, two-token, login-threshold and plan-fee fixtures; one on a keyed evaluation defect.

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        pairs = contradictions(document)
        taken = {later.span.start.line for later, _earlier in pairs}
        # a value table's row and a sentence, two shares of one traffic: read apart, and after the rest
        pairs = [*pairs, *(pair for pair in labelled_contradictions(document) if pair[0].span.start.line not in taken)]
        taken = {later.span.start.line for later, _earlier in pairs}
        # a duration named by a phrase ("a hold period of 7 days", "the 14-day dispute hold"), a count limit
        pairs = [*pairs, *(pair for pair in restated_contradictions(document) if pair[0].span.start.line not in taken)]
        for later, earlier in pairs:
            yield Violation(later.span, f"'{later.text}' here, but '{earlier.text}' at line {earlier.span.start.line} "
                                        f"for the same '{_about(later, earlier)}': make them agree, or say when each applies")


def _about(statement: Statement, earlier: Statement) -> str:
    if statement.kind == "fee":
        return "fee"
    if statement.kind in ("count", "config-count"):
        shared = [word for word in statement.subject if word in earlier.subject]
        return " ".join([*shared[:2], "retries"])
    if statement.kind == "parallel":  # the words both sentences share around the number
        return " ".join(word for word in statement.subject if word in earlier.subject)
    if statement.kind == "size":
        return " ".join([*statement.subject[-1:], "size limit"])
    if statement.kind == "hold":
        return "hold"
    if statement.kind == "money-per":
        return f"maximum per {statement.subject[0]}"
    if statement.kind == "deadline":
        return f"deadline to {min(statement.subject[0], earlier.subject[0], key=len)}"  # "retirar", not "retirado"
    if statement.kind in ("named", "count-limit"):
        return " ".join(statement.subject) if statement.kind == "named" else f"{statement.subject[1]} per {statement.subject[0]}"
    if statement.kind == "noun":
        return statement.text.split()[-1]
    if statement.kind == "setting":
        return " ".join([*statement.subject, statement.text.split()[0].rstrip(":=")])
    return " ".join(statement.subject)
