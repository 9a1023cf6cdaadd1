"""MS005 limit-without-value: an expiry, timeout, rate limit, retention, retry or window the system enforces, with no value."""

from __future__ import annotations

import re
from typing import Iterator

from speclint.document.model import CodeBlock, Document, ListItem, Section
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Subsumes, Violation
from speclint.lazy_regex import lazy_compile
from speclint.reading.concerns import profile_name
from speclint.reading.named_limits import (BOUNDARY, ENGLISH_GROUPS, MEASURE_NOUNS, NamedLimit, delegated, given_elsewhere,
                                          in_question_section, may_name_a_limit, named_limit, stem, value_beside,
                                          words_of)
from speclint.reading.normative import (Hit, Statement, has_quantity, is_descriptive, is_user_story, search, sentence_bounds,
                                        statements, value_given_at)
from speclint.reading.requirements import not_in_scope
from speclint.reading.wording import DESIGN_PROPOSAL_PROFILES, SKIP_PROFILES_HELP, requirement_shape
from speclint.record import Record


class _Limit(Record):
    """A phrase that names a limit, and what settles its value."""

    __slots__ = ("pattern", "question", "subject", "needs")

    def __init__(
        self,
        pattern: re.Pattern[str],
        question: str,
        subject: re.Pattern[str],
        needs: re.Pattern[str] | None = None,
    ) -> None:
        self.pattern = pattern
        self.question = question  # what the reader must ask
        #: words whose value stated anywhere else in the document settles the question
        #: ("Session timeout: 30 minutes" in a table answers "sessions expire after inactivity")
        self.subject = subject
        #: what the sentence must also say for the phrase to be a limit ("cached for some time" is;
        #: "the rollout may take some time" is not)
        self.needs = needs


_I = re.I
_LIMITS = (
    _Limit(lazy_compile(
        r"\b(?:sessions?|tokens?|links?|codes?|otps?|invit(?:ations?|es?)|api\s+keys?|cookies?|carts?|reservations?|"
        r"holds?|leases?|passwords?|credentials?|urls?|quotes?|offers?|coupons?|vouchers?|passes|grants?|secrets?|"
        r"certificates?|approvals?)\s+(?:(?!not\b|never\b)[\w'-]+\s+){0,2}?"
        r"(?:expires?|expiring|time\s+out|times\s+out)\b(?!\s+(?:after|in|within|at)\s+\S*\d)"
        # the value is a moment: "expire at the appointment start time", "expire once redeemed"
        r"(?!\s+(?:at|on|upon|with)\s+(?:the\s+|its\s+|their\s+|each\s+)?(?:[\w'-]+\s+){0,3}?"
        r"(?:start|end|beginning|close|midnight|noon|deadline)\b)"
        r"(?!\s+(?:when|once|as\s+soon\s+as)\s+(?:[\w'-]+\s+){0,3}?(?:used|redeemed|consumed|starts?|ends?|begins?|closes?|"
        r"started|ended|closed)\b)", _I),
        "after how long", lazy_compile(r"\b(?:expir\w*|time-?\s?outs?|ttl|lifetime|valid\s+for)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:session|idle|inactivity)\s+time-?outs?\s+(?:is|are|applies|apply|will|must|shall|should)\b"
        r"(?!\s+(?:be\s+)?(?:configurable|configured|set\s+by))|\bha(?:s|ve)\s+an?\s+(?:(?:session|idle|inactivity|request|connection|read|call)\s+)?time-?out\b(?!\s+(?:of|set|configured))|"
        r"\bwith\s+an?\s+(?:request\s+|connection\s+)?time-?out\b(?!\s+(?:of|set|configured))|\btime-?outs?\s+appl(?:y|ies)\b", _I),
        "how long is it", lazy_compile(r"\b(?:time-?\s?outs?|expir\w*|inactivity)\b", _I)),
    # "time out idle sessions", "inactive users are logged out", "sessions end after inactivity"
    _Limit(lazy_compile(
        r"\btime[sd]?\s+out\s+(?:idle|inactive)\s+(?:sessions?|users?|connections?)\b|"
        r"\b(?:idle|inactive)\s+(?:sessions?|users?|connections?)\s+(?:are|is|will\s+be|must\s+be|shall\s+be|should\s+be|get)\s+"
        r"(?:automatically\s+)?(?:logged\s+out|signed\s+out|terminated|expired|ended|closed|timed\s+out|disconnected)\b|"
        r"\b(?:logs?|signs?)\s+out\s+(?:idle|inactive)\s+users?\b|\bafter\s+(?:user\s+)?inactivity\b", _I),
        "after how long", lazy_compile(r"\b(?:time-?\s?outs?|expir\w*|inactivity|idle)\b", _I)),
    _Limit(lazy_compile(
        r"\brate[- ]limits?\s+(?:apply|applies)\b|\bsubject\s+to\s+(?:a\s+)?rate[- ]limit(?:s|ing)?\b|"
        r"\b(?:is|are|be|gets?)\s+throttled\b|\b(?:shall|must|will|should)\s+throttle\b|"
        r"\b(?:is|are|be|being|gets?)\s+rate[- ]limited\b|\b(?:shall|must|will|should|to)\s+rate[- ]limit\b|"
        r"\b(?:appl(?:y|ies|ied)|enforc(?:e|es|ed)|impos(?:e|es|ed))\s+(?:a\s+|per-[\w-]+\s+)?rate[- ]limit(?:s|ing)?\b|"
        r"\brate[- ]limit(?:s|ing)?\s+(?:is|are)\s+(?:applied|enforced)\b", _I),
        "at what rate, per what", lazy_compile(r"\b(?:rate[- ]limit\w*|requests?\s+(?:per|/)|throttl\w*)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:retained|kept|stored|preserved|archived)\s+(?:[\w-]+\s+){0,2}?(?:for\s+(?:a|an|the)\s+(?:limited|certain|reasonable|set|"
        r"defined|specific)\s+(?:time|period|duration)|as\s+long\s+as\s+(?:necessary|needed|required)|"
        # "kept for the usual period": a norm the document never states
        r"for\s+(?:the|our|its|their)\s+(?:usual|standard|normal|customary|regular|agreed|default)\s+(?:retention\s+)?"
        r"(?:time|period|duration))\b|"
        r"\b(?:keeps?|retains?|stores?|preserves?|archives?)\s+(?:[\w-]+\s+){1,4}?as\s+long\s+as\s+(?:necessary|needed|required|"
        r"(?:legally\s+)?required)\b", _I),
        "for how long", lazy_compile(r"\b(?:retention|retain\w*|kept\s+for|purg\w*|deleted\s+after)\b", _I)),
    _Limit(lazy_compile(
        r"\bretr(?:y|ies|ied)\s+(?:a\s+few|several|multiple|a\s+number\s+of|a\s+limited\s+number\s+of)\s+times\b|"
        r"\b(?:is|are)\s+(?:automatically\s+)?retried\b(?!\s+(?:by|manually|once|twice|\S*\d))|"
        r"\b(?:shall|must|will|should)\s+(?:automatically\s+)?retry\b(?!\s+(?:once|twice|up\s+to|\S*\d))"
        # "retry with a new unique identifier": one more try with a changed input, not a retry loop
        r"(?!\s+with\s+(?:an?\s+|the\s+)?(?:new|different|another|fresh|updated|regenerated)\b)|"
        # "if it fails, we retry later", "failed calls are retried later"
        r"\bwe(?:\s+will|'ll)?\s+(?:automatically\s+)?retry\b(?!\s+(?:once|twice|up\s+to|\S*\d))|\bretr(?:y|ied|ies)\s+later\b|"
        r"\bretr(?:y|ies|ied|ying)\s+(?:[\w-]+\s+){0,3}?with\s+(?:an?\s+)?(?:exponential\s+|linear\s+|jittered\s+)?back-?off\b|"
        # the backoff as what is built or used: "implement exponential backoff", "wait using exponential backoff",
        # "with retry and exponential backoff"
        r"\b(?:implement(?:s|ed|ing)?|us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|employ(?:s|ed|ing)?)\s+(?:an?\s+)?"
        r"(?:exponential|jittered|linear|incremental)\s+back-?off\b(?!\s+(?:of|starting|from)\b)|"
        r"\bwith\s+retr(?:y|ies)\s+and\s+(?:an?\s+)?(?:exponential\s+|linear\s+|jittered\s+)?back-?off\b|"
        r"\bautomatic(?:ally)?\s+retr(?:y|ies)\b", _I),
        "how many times, how far apart", lazy_compile(r"\b(?:retr(?:y|ies)|attempts?|backoff|back-off)\b", _I)),
    _Limit(lazy_compile(r"\bwithin\s+(?:the\s+|our\s+)?sla\b(?!\s+(?:window|period))", _I),
        "what is it", lazy_compile(r"\bsla\b", _I)),
    _Limit(lazy_compile(r"\b(?:a\s+few|several|multiple|a\s+number\s+of)\s+(?:times|attempts|retries)\b", _I),
        "how many times, how far apart", lazy_compile(r"\b(?:retr(?:y|ies)|attempts?|backoff|back-off)\b", _I),
        lazy_compile(r"\bretr\w*|\bre-?attempt\w*|\bre-?sen[dt]\w*|\bre-?deliver\w*", _I)),
    _Limit(lazy_compile(
        r"\bwithin\s+the\s+(?:delivery|grace|booking|cancellation|return|refund|sla|allowed|agreed|service|maintenance|settlement|"
        r"payout|processing|review|response|notice|cooling-off|dispute|chargeback|holding|claim|correction)\s+"
        r"(?:window|period)\b", _I),
        "how long is it", lazy_compile(r"\b(?:window|period)\b", _I)),
    # "after the inactivity timeout", "for the lockout period": a limit named, its value nowhere
    _Limit(lazy_compile(
        r"\b(?:after|for|within|once|until|beyond|than|past|outside|during|over)\s+the\s+(?:data\s+)?(?:idle|inactivity|session|"
        r"lockout|lock-out|cool-?down|retention|grace|token|link|cache|trial|hold|reservation)\s+"
        r"(?:timeout|time-out|period|window|ttl|expiry|duration)\b|"
        r"\bfor\s+the\s+(?:legally\s+)?(?:required|mandated|applicable|statutory|regulatory)\s+(?:retention\s+)?period\b", _I),
        "how long is it", lazy_compile(r"\b(?:time-?\s?outs?|expir\w*|inactivity|idle|lock-?out|cool-?down|retention|"
                                      r"grace|ttl|period|window)\b", _I)),
    # "subscriptions enter a grace period", "apply a cooldown": a period started, its length never given
    _Limit(lazy_compile(
        r"\b(?:enters?|entering|starts?|begins?|appl(?:y|ies|ied)|impos(?:e|es|ed)|triggers?|gets?|receives?|"
        r"(?:is|are|be)\s+(?:given|granted|placed\s+in|put\s+in(?:to)?))\s+(?:a|an)\s+(?:grace\s+period|cool-?down(?:\s+period)?|"
        r"lock-?out(?:\s+period)?|waiting\s+period|quarantine(?:\s+period)?|holding\s+period|probation(?:ary)?\s+period|"
        r"trial\s+period)\b", _I),
        "how long is it", lazy_compile(r"\b(?:grace|cool-?down|lock-?out|waiting|quarantine|holding|probation\w*|trial)\b", _I)),
    # "PDF exports are limited on the free tier": a count capped in words ("limited to admins" is who, not how many)
    _Limit(lazy_compile(
        r"\b(?:exports?|uploads?|downloads?|requests|api\s+calls|calls|messages|sms|texts|e-?mails|invites|invitations|seats|"
        r"projects|searches|credits|reports|workspaces|boards|files|attachments|storage|bandwidth|usage|submissions|responses|"
        r"bookings|listings|generations|scans|renders)\s+(?:(?:is|are)\s+|(?:will|must|shall|should)\s+be\s+)"
        r"(?:capped|limited)\b(?!\s+to\b)", _I),
        "how many, per what", lazy_compile(r"\b(?:limit\w*|quotas?|caps?|capped|maximum|max|up\s+to|at\s+most)\b", _I)),
    # "OTP codes are short-lived" (not "short-lived credentials" from a cloud provider: a kind of credential)
    _Limit(lazy_compile(r"\b(?:is|are|be)\s+short[- ]lived\b", _I),
        "how long do they live", lazy_compile(r"\b(?:expir\w*|ttl|lifetime|valid\s+for|lives?)\b", _I)),
    # "entries expire after a short TTL", "with a long timeout": a limit sized in words
    _Limit(lazy_compile(
        r"\b(?:an?|the|its|their)\s+(?:very\s+)?(?:short|long|brief|small|limited|reasonable|sensible|generous|aggressive|tight|"
        r"low|high|appropriate|suitable|adequate)(?:er)?\s+(?:ttls?|time-?outs?|expiry|expiration|lifetime|retention(?:\s+period)?|grace\s+period|cool-?down"
        r"(?:\s+period)?|lock-?out(?:\s+period)?|page\s+size|rate\s+limit|quota|cache\s+lifetime)\b", _I),
        "what value exactly", lazy_compile(r"\b(?:ttls?|time-?\s?outs?|expir\w*|lifetime|retention|grace|cool-?down|lock-?out|"
                                         r"page\s+size|rate\s+limit|quota)\b", _I)),
    # "idle connections are closed after a timeout": after how long?
    _Limit(lazy_compile(r"\b(?:after|on|upon|following)\s+(?:a|an)\s+(?:(?:idle|inactivity|session|connection|read|request)\s+)?"
                        r"time-?out\b(?!\s+(?:of|set|configured))", _I),
        "after how long", lazy_compile(r"\b(?:time-?\s?outs?|idle|inactivity)\b", _I)),
    # "inactive accounts are deactivated", "unpaid orders are cancelled automatically": after how long?
    _Limit(lazy_compile(
        r"\b(?:inactive|dormant|stale|abandoned|unused|unverified|unpaid|unconfirmed|unclaimed|idle)\s+(?:user\s+)?(?:accounts?|users?|carts?|"
        r"drafts?|invitations?|invites?|reservations?|orders?|holds?|listings?|files?|devices?|tokens?|keys?|bookings?|uploads?)\s+"
        r"(?:are|is|will\s+be|must\s+be|shall\s+be|should\s+be|get|gets)\s+(?:automatically\s+)?(?:deleted|removed|purged|deactivated|"
        r"disabled|archived|expired|cancell?ed|released|suspended|closed|cleaned\s+up|locked|revoked)\b", _I),
        "after how long", lazy_compile(r"\b(?:inactiv\w*|after|expir\w*|days?|hours?|idle)\b", _I)),
    # "reports are refreshed periodically", "passwords must be rotated regularly": how often?
    _Limit(lazy_compile(
        r"\b(?:refresh\w*|sync\w*|rotat\w*|backed\s+up|back\s+up|poll\w*|re-?check\w*|recalculat\w*|recomput\w*|re-?index\w*|"
        r"snapshott?\w*|re-?validat\w*|re-?fetch\w*|changed|renewed|purged|cleaned\s+up|re-?scann?\w*|runs?|taken|performed|"
        r"sen[dt]s?|emailed|notified|reminded|exported|reconciled|settled|audited|reviewed)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:periodically|regularly|frequently|at\s+regular\s+intervals|on\s+a\s+regular\s+(?:basis|schedule))\b|"
        r"\b(?:periodically|regularly|frequently)\s+(?:refresh\w*|sync\w*|rotat\w*|back\w*\s+up|poll\w*|re-?check\w*|recalculat\w*|"
        r"recomput\w*|snapshot\w*|purg\w*|re-?scan\w*)\b", _I),
        "how often", lazy_compile(r"\b(?:every|interval|schedule|cron|frequency|period)\b", _I)),
    # "users who exceed the quota are blocked", "the upload limit is enforced per user": which value?
    _Limit(lazy_compile(
        r"\b(?:exceed\w*|above|over|beyond|larger\s+than|bigger\s+than|more\s+than|reach\w*|hit\w*)\s+(?:the|their|its|your|a)\s+"
        r"(?:(?:allowed|maximum|max|daily|monthly|storage|upload|download|api|request|rate|usage|plan|account)\s+){0,2}?"
        r"(?:file\s+size|size\s+limit|upload\s+limit|quotas?|rate\s+limit|storage\s+limit|limits?|caps?|allowance)\b|"
        r"\b(?:the\s+)?(?:[\w-]+\s+)?(?:limit|quota|cap)\s+(?:is|are)\s+(?:enforced|applied)\b", _I),
        "what is the value", lazy_compile(r"\b(?:limit\w*|quotas?|maximum|max|caps?|allowance|at\s+most|up\s+to)\b", _I)),
    # "audit logs are retained.": kept, for no stated time
    _Limit(lazy_compile(r"(?<!how long )(?<!how long they )(?<!how long it )\b(?:is|are|be)\s+retained(?=\s*(?:[.;]|$))", _I),
        "for how long", lazy_compile(r"\b(?:retention|retain\w*|kept\s+for|purg\w*|deleted\s+after)\b", _I)),
    _Limit(lazy_compile(
        r"\bafter\s+(?:a|some)\s+(?:short\s+|long\s+|certain\s+|set\s+|predefined\s+|defined\s+)?(?:period|amount|length)\s+"
        r"of\s+(?:inactivity|idle\s+time|time)\b|\bafter\s+(?:some\s+time|a\s+while|a\s+(?:short|brief)\s+(?:time|delay|period))\b|"
        r"\bfor\s+a\s+(?:short|limited|certain|set|brief|reasonable)\s+(?:time|period|while|duration)\b|\bfor\s+(?:some\s+time|a\s+while)\b", _I),
        "how long", lazy_compile(r"\b(?:inactivity|idle|time-?\s?outs?|expir\w*)\b", _I), lazy_compile(
            r"\b(?:expir\w*|lock\w*|block\w*|time[sd]?\s+out|(?:log|sign)(?:s|ged|ging|ed)?\s+(?:\w+\s+){0,2}?out|retain\w*|kept|keep|stor\w*|"
            r"delet\w*|purg\w*|cach\w*|disabl\w*|suspend\w*|invalidat\w*|hidden|hide\w*|valid|available)\b", _I)),
    # German, Spanish, French: "ist für einen begrenzten Zeitraum gültig", "se conserva durante un tiempo limitado",
    # "reste valable pendant une durée limitée"
    _Limit(lazy_compile(
        r"\bfür\s+(?:einen|eine)\s+(?:begrenzten|bestimmten|gewissen|kurzen|längeren|angemessenen|befristeten)\s+(?:Zeitraum|Zeit|Dauer)\b|"
        r"\b(?:eine|einige)\s+(?:begrenzte|bestimmte|gewisse|kurze|angemessene)\s+(?:Zeit|Dauer)\s+(?:lang\s+)?(?:gültig|gespeichert|"
        r"aufbewahrt|gesperrt|verfügbar)\b|\b(?:por|durante)\s+(?:un|una)\s+(?:tiempo|periodo|período|plazo)\s+"
        r"(?:limitad[oa]|determinad[oa]|razonable|breve)\b|\b(?:durante|por)\s+(?:un\s+)?(?:cierto|algún)\s+(?:tiempo|periodo|período|plazo)\b|"
        r"\b(?:pendant|pour)\s+une\s+(?:durée|période)\s+(?:limitée|déterminée|raisonnable|certaine)\b|\bpendant\s+un\s+certain\s+temps\b", _I),
        "for how long", lazy_compile(r"\b(?:gültig\w*|\w*frist|\w*dauer|plazo|validez|vigencia|durée|validité|expir\w*|caduc\w*|ablauf\w*|"
                                     r"aufbewahr\w*|conserv\w*|retenci\w*)", _I), lazy_compile(
            r"\b(?:gültig\w*|gespeichert|aufbewahrt|gesperrt|verfügbar|reserviert|gehalten|válid[oa]s?|vigentes?|conserv\w*|almacenad\w*|"
            r"bloquead\w*|disponibles?|reservad\w*|retenid\w*|valables?|bloqué\w*|réservé\w*|expir\w*|caduc\w*)", _I)),
    _Limit(lazy_compile(
        r"\ba\s+(?:certain|limited|maximum|reasonable|fixed|set|small)\s+number\s+of\b|\bup\s+to\s+a\s+(?:certain\s+)?(?:limit|maximum|threshold)\b", _I),
        "how many", lazy_compile(r"\b(?:limit|maximum|max|at\s+most|threshold)\b", _I), lazy_compile(
            r"\b(?:after|allow\w*|limit\w*|lock\w*|block\w*|up\s+to|at\s+most|cap\w*|max\w*|exceed\w*|retr\w*|attempts?)\b", _I)),
)
# A letter standing in for a number the document never gives: "show at most N items", "lock after K failures",
# "al massimo N articoli", "nach N Fehlversuchen", "cada N minutos" (not when a line says "N = 50" or "N is 20").
_LETTER_FOR_A_NUMBER = _Limit(lazy_compile(
    r"\b(?i:at\s+most|up\s+to|no\s+more\s+than|more\s+than|max(?:imum)?(?:\s+of)?|after|every|the\s+(?:first|last|top|latest)|"
    r"al\s+massimo|fino\s+a|dopo|ogni|i\s+primi|gli\s+ultimi|hasta|como\s+máximo|un\s+máximo\s+de|después\s+de|tras|cada|"
    r"los\s+primeros|höchstens|maximal|bis\s+zu|nach|alle|die\s+ersten|au\s+plus|jusqu['’]à|après|chaque|les\s+premiers|"
    r"no\s+máximo|até|após|a\s+cada|os\s+primeiros)\s+(?P<letter>[NMKX])\s+(?=[^\W\d_]{3,})", 0),
    "what number", lazy_compile(r"(?!)"))
_FOREIGN_VALIDITY = next(limit for limit in _LIMITS if "begrenzten" in limit.pattern.pattern)
# More things a requirement counts: "many concurrent logins", "a large number of merchants".
_MORE_COUNTED = (r"logins|sign-?ins|merchants|sellers|vendors|drivers|riders|patients|members|subscribers|accounts|payments|"
                 r"payouts|transfers|notifications|shipments|bookings|appointments|api\s+calls|calls|jobs|queries|visitors|players|"
                 r"seats|employees|locations|sites|branches|products|listings|tickets|projects")
# Magnitudes left vague in a requirement: "supports many concurrent users", "large customers", "updates in
# real time". Read only in requirement statements: background and design prose use them to describe.
_MAGNITUDES = (
    _Limit(lazy_compile(
        r"\bmany\s+(?:concurrent\s+|simultaneous\s+|parallel\s+)?(?:users|requests|connections|sessions|customers|orders|"
        r"transactions|devices|tenants|uploads|files|records|events|messages|items|" + _MORE_COUNTED + r")\b|\b(?:high|large|huge|massive)[- ]volumes?\s+of\s+\w+|"
        r"\b(?:large|huge|massive|vast)\s+amounts?\s+of\s+\w+|\b(?:lots|a\s+lot|tons)\s+of\s+(?:concurrent\s+)?(?:users|requests|"
        r"connections|sessions|customers|orders|transactions|devices|tenants|uploads|files|records|events|messages|items|data)\b", _I),
        "how many", lazy_compile(r"\b(?:users|requests|connections|sessions|customers|orders|transactions|devices|tenants|"
                               r"uploads|files|records|events|messages|items)\b", _I)),
    # "must support high volume during campaigns", "handle heavy load"
    _Limit(lazy_compile(
        r"\b(?:support|supports|handle|handles|sustain|sustains|withstand|withstands|absorb|absorbs|cope\s+with|copes\s+with)\s+"
        r"(?:a\s+|the\s+)?(?:very\s+)?(?:high|large|huge|heavy|massive|peak|increased|extreme)\s+(?:volumes?|loads?|traffic|throughput)\b"
        r"(?!\s+of)|\bunder\s+(?:very\s+)?(?:heavy|high|peak|extreme|increased)\s+(?:load|traffic)\b|"
        # a busy period standing in for a load: "handle the lunch rush", "support peak season", "cope with the busiest day"
        r"\b(?:support|supports|handle|handles|sustain|sustains|withstand|withstands|absorb|absorbs|cope\s+with|copes\s+with)\s+"
        r"(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+)?(?:rush(?:es)?|peak\s+(?:hours?|times?|periods?|seasons?|days?|demand)|"
        r"busiest\s+(?:hours?|days?|times?|periods?|season))\b", _I),
        "how much", lazy_compile(r"\b(?:volume|load|throughput|traffic|(?:requests?|messages?|events?|orders?)\s+(?:per|/|a)\s+"
                                 r"(?:second|minute|hour|day)|rps|qps|tps|per\s+(?:second|minute|hour))\b", _I)),
    _Limit(lazy_compile(
        r"\blarge\s+(?:customers|accounts|tenants|organi[sz]ations|orgs|enterprises|files|uploads|attachments|datasets|"
        r"merchants|clinics|hospitals|stores|shops|fleets|warehouses|sellers|retailers|schools|"
        r"data\s+sets|catalogs|workspaces|teams|repositories|repos|documents|images|videos|exports|imports|lists|tables)\b|"
        # one thing sized in words: "WHEN a user uploads a large file" (not "Large File Storage", a product)
        r"\b(?:a|an|the|any|each|every)\s+(?:very\s+)?large\s+(?:file|upload|attachment|dataset|data\s+set|document|image|video|"
        r"export|import|spreadsheet|csv|batch|payload|request|message|order|basket|cart|catalog(?:ue)?|account|customer|tenant)\b"
        r"(?!\s+(?:storage|support|system|mode|api)\b)", _I),
        "how large", lazy_compile(r"\b(?:large|size|MB|GB|KB|TB|rows|seats|users|employees|items)\b", _I)),
    # "progress streams in real time": streaming is the behaviour, not a latency left out
    _Limit(lazy_compile(r"(?<!stream )(?<!streams )(?<!streamed )(?<!streaming )\b(?:in|at)\s+(?:near[- ])?real[- ]?time\b", _I),
        "within how long", lazy_compile(r"\breal[- ]?time\b|\blatency\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:is|are|be)\s+(?:near[- ])?real[- ]?time\b|\b(?:near[- ])?real[- ]time\s+(?:updates?|sync\w*|notifications?|alerts?|"
        r"refresh\w*|feedback|status|tracking|reporting|dashboards?)\b", _I),
        "within how long", lazy_compile(r"\breal[- ]?time\b|\blatency\b", _I)),
    _Limit(lazy_compile(r"\b(?:instantly|instantaneously|near[- ]instant(?:ly|aneous(?:ly)?)?|with\s+(?:low|minimal)\s+latency)\b", _I),
        "within how long", lazy_compile(r"\binstant\w*|\blatency\b", _I),
        # demanded, not ticked off: "loads instantly on revisit (no AI call)" names the mechanism
        lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to)\b", _I)),
    # "a high cache hit rate", "minimal downtime", "significantly faster": how high, how much?
    _Limit(lazy_compile(
        r"\b(?:a\s+|an\s+)?(?:high|low|minimal|acceptable|reasonable|sufficient|good|excellent|negligible|near-zero|adequate)\s+"
        r"(?:(?:cache\s+)?hit\s+rates?|error\s+rates?|failure\s+rates?|success\s+rates?|conversion(?:\s+rates?)?|adoption(?:\s+rates?)?|"
        r"retention(?:\s+rates?)?|uptime|downtime|accuracy|test\s+coverage|overhead|memory\s+(?:usage|footprint)|cpu\s+usage|"
        r"throughput|availability)\b|"
        r"\b(?:significantly|substantially|noticeably|dramatically|considerably|drastically|meaningfully)\s+"
        r"(?:increas\w*|reduc\w*|improv\w*|decreas\w*|lower\w*|rais\w*|faster|slower|fewer|less|more|higher|better|cheaper|smaller)\b", _I),
        "how much exactly", lazy_compile(r"\b(?:rate|uptime|downtime|accuracy|coverage|overhead|usage|throughput|availability|"
                                  r"faster|latency|reduc\w*|increas\w*)\b", _I)),
    _Limit(lazy_compile(
        r"\b(?:enough|a\s+(?:significant|large|substantial)\s+(?:share|portion|percentage|proportion)\s+of)\s+"
        r"(?:(?:active|new|existing|paying|beta|pilot)\s+)?(?:users|customers|teams|tenants|merchants|accounts|organi[sz]ations|clusters)\b", _I),
        "how many", lazy_compile(r"\b(?:users|customers|teams|tenants|merchants|accounts|adoption)\b", _I)),
    _Limit(lazy_compile(
        r"\ba\s+(?:large|high|huge|great|significant|big|vast|massive)\s+number\s+of\s+(?:concurrent\s+|simultaneous\s+)?"
        # anything counted: "a large number of simultaneous exam takers", "a high number of SKUs"
        r"(?:[\w-]+\s+){0,2}?[\w-]+s\b", _I),
        "how many", lazy_compile(r"\b(?:users|requests|connections|sessions|customers|orders|transactions|devices|tenants|"
                               r"uploads|files|records|events|messages|items|" + _MORE_COUNTED + r")\b", _I)),
)
# Vague times that codes of conduct, security policies and proposals use loosely ("we respond within a
# reasonable timeframe"): read in requirement statements only.
_IN_REQUIREMENTS = (
    # "within a reasonable time", "in a timely manner"
    _Limit(lazy_compile(
        r"\bwithin\s+(?:a\s+|an\s+)?(?:reasonable|acceptable|short|timely|appropriate|sensible)\s+(?:time(?:\s*frame)?|period|"
        r"amount\s+of\s+time|window|delay)\b|\bin\s+a\s+timely\s+(?:manner|fashion)\b", _I),
        "within how long", lazy_compile(r"\b(?:within|sla|deadline)\b", _I)),
    # "reminders go out shortly before the appointment"
    # "a confirmation e-mail is sent shortly": within how long?
    _Limit(lazy_compile(r"\b(?:is|are|be|gets?)\s+(?:sent|delivered|emailed|processed|refunded|credited|applied|updated|published|"
                        r"shown|displayed|visible|available|notified|reflected|synced)\s+shortly\b(?!\s+(?:before|after|once))", _I),
        "within how long", lazy_compile(r"\b(?:within|sla)\b", _I)),
    _Limit(lazy_compile(r"\bshortly\s+(?:before|after|once)\b|\bsoon\s+after\b", _I),
        "how long before or after exactly", lazy_compile(r"\b(?:before|after|prior)\b", _I), lazy_compile(
            r"\b(?:sen[dt]\w*|remind\w*|notif\w*|email\w*|push\w*|expir\w*|charg\w*|cancel\w*|releas\w*|delet\w*|lock\w*|"
            r"retr\w*|run\w*|trigger\w*|start\w*|clos\w*)\b", _I)),
    # "the trial lasts a few weeks", "held for several days"
    _Limit(lazy_compile(r"\b(?:a\s+few|several|a\s+couple\s+of)\s+(?:seconds|minutes|hours|days|weeks|months)\b", _I),
        "how long exactly", lazy_compile(r"\b(?:expir\w*|duration|lasts?|period|window)\b", _I), lazy_compile(
            r"\b(?:expir\w*|lasts?|valid|retain\w*|kept|keep|lock\w*|block\w*|trial|hold|held|delay\w*|wait\w*|within|after|for|"
            r"purg\w*|delet\w*|cach\w*)\b", _I)),
)
_TIME_UNITS_FOREIGN = (
    r"(?:segundos|minutos|horas|días|dias|semanas|meses|secondi|minuti|ore|giorni|settimane|mesi|minuto|ora|giorno|settimana|mese|"
    r"secondes|minutes|heures|jours|semaines|mois|Sekunden|Minuten|Stunden|Tagen?|Wochen|Monaten?)")
# The same spans in the other languages a requirement is written in, read like "a few minutes": "entro pochi minuti",
# "después de unos días", "nach wenigen Minuten", "dans quelques heures", "após alguns dias"; and a span brought in with
# an indefinite article and never sized: "nach einer Inaktivitätszeit", "tras un periodo de inactividad", "dopo un periodo
# di inattività", "après une période d'inactivité" (English: "after a period of inactivity", above).
_FOREIGN_SPANS = (
    _Limit(lazy_compile(
        r"\b(?:pochi|poche|alcuni|alcune|qualche|poucos|poucas|alguns|algumas|vários|várias|unos|unas|pocos|pocas|algunos|algunas|"
        r"varios|varias|wenige[nr]?|einige[nr]?|ein\s+paar|mehrere[nr]?|quelques|plusieurs)\s+" + _TIME_UNITS_FOREIGN + r"\b|"
        r"\b(?:nach|innerhalb|für|während|binnen)\s+(?:einer|eines|einem|einen)\s+(?:(?:gewissen|bestimmten|kurzen|längeren|angemessenen)\s+)?"
        r"(?!(?:Mahl|Hoch|Frei|Mittags|Tages|Jahres|Uhr|Echt)zeit)\w{3,}(?:zeit|dauer|frist|zeitraum)\b(?!\s+(?:von|aus)\s+\S*\d)|"
        r"\b(?:tras|después\s+de|durante|por|dentro\s+de|dopo|per|entro|durante|após|depois\s+de|pendant|après|pour)\s+"
        r"(?:un|una|um|une)\s+(?:periodo|período|plazo|tiempo|intervalo|tempo|intervallo|prazo|période|durée|délai)\s+"
        r"(?:de|di|d['’])\s*(?:inactividad|inatividade|inattività|inactivité|espera|attesa|attente|gracia|grazia|carência|grâce|"
        r"bloqueo|blocco|bloqueio|blocage|inhabilitación|sospensione|suspensión|suspensão|suspension)\b", _I),
        "how long exactly", lazy_compile(r"\b(?:\w*frist|\w*dauer|\w*zeit|plazo|prazo|termine|délai|durée|periodo|período|période|"
                                         r"timeout|inactivi\w*|inattivit\w*|inatividade)\b", _I)),
)
# An action that waits for an answer and says nothing of how long: "escalate if an alert is not acknowledged",
# "unanswered requests are reassigned", "if the driver does not respond, the offer goes to the next one".
_WAITS = (
    _Limit(lazy_compile(
        r"\b(?:if|when|unless|once|where)\s+(?:the\s+|an?\s+|its\s+|their\s+|no\s+)?(?:[\w-]+\s+){0,3}?(?:(?:is|are|has|have)\s+not\s+"
        r"(?:(?:yet\s+)?been\s+)?(?:acknowledged|answered|claimed|picked\s+up|collected|responded\s+to|actioned|acted\s+(?:on|upon))|"
        r"(?:does|do|did)\s+not\s+(?:acknowledge|respond|answer|reply|claim|pick\s+(?:it\s+)?up|collect|act\s+on))\b"
        r"(?!\s+(?:\w+\s+){0,3}?(?:within|in|after|by|before)\s+\S*\d)|"
        r"\b(?:if|when|unless)\s+no(?:\s+one|body)?\s+(?:[\w-]+\s+)?(?:acknowledges|responds|answers|replies|claims)\b"
        r"(?!\s+(?:\w+\s+){0,3}?(?:within|in|after|by|before)\s+\S*\d)|"
        r"\b(?:unacknowledged|unanswered|unclaimed|uncollected)\s+(?:[\w-]+\s+)?(?:alerts?|alarms?|pages?|incidents?|requests?|"
        r"tickets?|messages?|offers?|tasks?|cases?|excursions?|notifications?|orders?|parcels?|jobs?)\s+"
        r"(?:are|is|will\s+be|must\s+be|shall\s+be|get|gets)\s+(?:automatically\s+)?[a-z]+(?:ed|en)\b", _I),
        "after how long", lazy_compile(r"\b(?:acknowledg\w*|escalat\w*|unanswered|unclaimed|respond\w*|response\s+time|reassign\w*)\b", _I),
        lazy_compile(r"\bescalat\w*|\breassign\w*|\bre-?notif\w*|\bremind\w*|\bre-?rout\w*|\bto\s+the\s+next\b|\bpage[sd]?\s+the\b|"
                     r"\bfollow[- ]up\b", _I)),
)
_IN_REQUIREMENTS = _IN_REQUIREMENTS + _FOREIGN_SPANS + _WAITS
_OBLIGES = lazy_compile(r"\b(?:must|shall)\b", _I)
_IN_REQUIREMENTS_IDS = frozenset(map(id, _IN_REQUIREMENTS))
_MAGNITUDES_IDS = frozenset(map(id, _MAGNITUDES))
_WAITS_IDS = frozenset(map(id, _WAITS))
_MODAL = lazy_compile(r"\b(?:must|shall|should|will|needs?\s+to|has\s+to)\b", _I)
# "Sessions do not expire", "links never time out": a statement that there is no limit.
_NEGATION_BEFORE = lazy_compile(r"(?:\bnot|\bnever|\bno|n't|\bno\s+longer|\bwithout)\s+(?:\w+\s+){0,2}$", _I)
# Design proposals of every family, and files that are not specs: their prose discusses.
# A free-form design doc states its design as decided, and an ADR's decision is decided: both are
# read, an ADR only in its decision (its options and drivers discuss).
_PROPOSALS = (*(name for name in DESIGN_PROPOSAL_PROFILES if name not in ("design-doc", "adr")),
              "openshift-enhancement", "gep", "capi-proposal", "kiro-design", "not-a-spec")
# "WHEN the lease expires", "once the token has expired", "before the hold expires": an expiry named as the
# event that triggers a behaviour; the statement is about the behaviour, and the limit is stated (or not) elsewhere.
_EVENT_CLAUSE_BEFORE = lazy_compile(
    r"\b(?:when|whenever|once|if|after|before|until|till|as\s+soon\s+as|by\s+the\s+time|in\s+case)\s+"
    r"(?:the|a|an|its|their|his|her|your|this|that|each|any)\s+(?:[\w'-]+\s+){0,2}$", _I)
_DECISION_TITLE = lazy_compile(r"\bdecision\b(?!\s+drivers?)|\bdecided\b|\b(?:Entscheidung|decisión|décision|decisione|decisão|besluit)\b"
                               r"(?!s?\s*(?:s?treiber|drivers?|factores|facteurs|fattori))", _I)
_QUESTION = lazy_compile(r"\?\s*(?:\*\*|__)?\s*$")
#: The limit is asked about, the answer follows: "Q: Should network failures trigger automatic retry logic? → A: No".
_ASKED_AFTER = lazy_compile(r"[^.!?\n]{0,80}\?\s")


class LimitWithoutValue(Rule):
    """Flags an expiry, timeout, rate limit, retention, retry or window the system enforces, with no value.

    **What it flags.** A statement (outside background, problem statements, user stories, quotes,
    code and questions) that makes the system enforce a limit and leaves its value out:
    - an expiry or timeout: "sessions expire after a period of inactivity", "reset links expire",
      "the session timeout", "time out idle sessions", "after the inactivity timeout";
    - a vague duration or count: "for a limited time", "after a while", "a maximum number of",
      "up to a limit";
    - a rate limit applied with no rate: "the API is rate limited per user", "rate limits apply",
      "requests are throttled";
    - a retention with no period: "logs are retained for a limited period", "kept as long as
      necessary", "kept for the usual period", "audit logs are retained.";
    - a retry with no count: "failed webhooks are retried", "retries several times", "the system
      shall retry", "retry with exponential backoff", "if it fails, we retry later", a backoff
      built or used with no count or delay: "must implement exponential backoff", "locking with
      retry and exponential backoff" (a count given to another EARS trigger's retry, "WHEN the
      render fails ... retry up to 4 attempts", does not size this one's; "retry with a new
      suffix" is one more try, not a loop);
    - a limit made configurable with no default, in a numbered requirement of a document that
      gives defaults for other settings (in a sentence, or under a "Defaults" heading, label or
      column): "over a configurable sampling window", "the scan interval and idle cutoff shall be
      configurable";
    - a refresh, send or sync with no interval: "reminders are sent periodically";
    - a window named with no length: "within the delivery window", "within the settlement window";
    - a time relative to an event, left vague: "reminders are sent shortly before the appointment",
      "a confirmation e-mail is sent shortly";
    - a limit sized in words: "cached with a short TTL", "after a timeout", "with an appropriate
      retention period";
    - load demanded with no figure: "must support high volume", "under heavy load", or a busy period
      standing in for it: "must handle the lunch rush", "support peak season";
    - a period started with no length: "subscriptions enter a grace period", "apply a cooldown";
    - a count capped in words: "PDF exports are limited on the free tier" ("limited to admins" says
      who, not how many);
    - a named limit the behaviour turns on, whose value the document gives nowhere: "payouts above
      the review limit are held", "up to their card's hold limit", "more than the spike threshold",
      "after its time budget", "more than the maximum consecutive periods", "variances above
      tolerance", "when the daily export quota is reached", "supere el umbral de riesgo", "den
      Schwellenwert überschreitet", "au-delà du plafond" (these three only in a requirement with an
      ID); and a vague validity in German, Spanish or
      French ("für einen begrenzten Zeitraum gültig");
    - any noun that names an amount, named and used as a boundary: "within the sync delay", "older than
      the grace window", "within the allowed lateness", "longer than the tolerated duration" (any
      comparison: "older than", "farther than"); a limit brought in with an indefinite article, so
      never given in its sentence: "up to a daily cap", "within a short radius", "polls on a fixed
      interval", "waits for a short timeout" (not "after a quiet period", a state);
    - the same in Italian and Portuguese in a numbered requirement ("sotto la soglia minima", "acima
      do limite diário"), and a span in words in a numbered requirement of any language read: "entro
      pochi minuti", "nach einer Inaktivitätszeit", "tras unos minutos", "après quelques minutes",
      "durante un periodo determinado" (a requirement numbered with any prefix, "RF-3", counts);
    - an action that waits for an answer with no time: "escalate if an alert is not acknowledged",
      "unanswered tickets are reassigned", "offer it to the next courier if the courier does not
      respond";
    - a letter standing in for a number no line gives: "show at most N items", "nach K Fehlversuchen".

    A named limit's value is looked for where the limit itself is named: a line with its name beside
    a noun of its kind and a quantity ("| Rotation window | 2 days |"), not any line that holds its
    words ("WHILE a rotation is in its grace period, check every 5 minutes" does not give "the
    rotation window" a value); the period a limit resets in ("Daily cap per seller: undecided") is
    no value of it, and "per seller" says whom it applies to, not who sets it.

    The outcome steps of Gherkin scenarios in code blocks ("Then ...", "And ...") are read as
    requirements. An HTTP status ("respond with HTTP 429") and a limit's reset period ("a monthly
    quota") are not values.

    Vague magnitudes ("many concurrent users", "a large number of requests", "large customers",
    "in real time", "instantly") count in requirement statements and in sentences that demand them
    (must, shall, should, will). A requirement statement is also one by its shape: an item under a
    "**Requirements:**" label or a requirement's own heading, and, in a product document, an item
    of its features, solution or quality sections, of a lean one-pager's *What* ("- The dashboard
    shows export progress in real time."), or a PR/FAQ answer.

    Not flagged when the sentence states a number or time frame (a requirement label such as
    "(R7)" or "FR3" is not one), nor when the document gives the value elsewhere (a "Session
    timeout | 30 min" row answers "sessions expire after inactivity"; "claims the job with a
    4-hour lease" answers "abandoned leases expire"),
    nor when the value is a moment ("links expire at the appointment start time", "codes expire once
    redeemed"), nor when the statement says there is no limit ("links never expire"), nor an expiry
    named as the event that triggers a behaviour ("WHEN the lease expires THEN the job is offered to
    the next station"), nor a value the statement says where to find ("the lock period given in
    Table 4"). A thing sized in words counts too ("WHEN a user uploads a large file"). A named limit
    is not flagged when any line gives it a value (a table row, a configuration key such as
    `review_limit: 2000`, a glossary entry "**Retention:** 90 days", a row of the same kind of limit:
    "| Solver time limit | 30 s |" answers "its time budget"), when the value follows it ("the review
    limit ($2,000)"), when the document delegates it (configurable, set per tenant, set by an
    agreement or the law, another party's limit such as "GitHub's API rate limit": a reviewer's
    question there is the default, not the value), when it is a parameter in code (`wait(timeout)`),
    nor in open questions, non-goals and rejected alternatives. In design proposals
    (RFCs, KEPs, enhancement proposals), whose prose discusses rather than commits, only statements
    with a requirement ID are read (option `skip-profiles`); in an ADR, only its decision and
    follow-up actions. A ticked task of a plan ("- [x] Implement retry logic") and the details under
    it record work done and are not read.

    **Why it matters.** These are the values an engineer needs to write the code and a tester to
    check it. Left out, each is decided in a pull request by whoever gets there first, and rarely
    the same way on web and mobile.

    **Example**

    ```markdown
    - Sessions expire after a period of inactivity.
    - Failed webhook deliveries are retried.
    ```

    **Use instead**

    ```markdown
    - Sessions expire after 30 minutes of inactivity.
    - Failed webhook deliveries are retried 5 times with exponential backoff (1 s, 2 s, 4 s...).
    ```
    """

    id = "MS005"
    name = "limit-without-value"
    category = Category.MEASURABILITY
    default_level = Level.WARNING
    # Makes redundant where they meet (one defect, one finding): 'for a while' is also a vague trigger (MS012)
    subsumes = (Subsumes(("MS012",)),)
    options = (Option("skip-profiles", "list[str]", list(_PROPOSALS), SKIP_PROFILES_HELP),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        lines = document.lines
        reported: set[tuple[int, str]] = set()  # one finding per sentence
        proposal = profile_name(context) in set(context.options["skip-profiles"])
        done = _done_task_lines(document)
        for statement in statements_read(document, context):
            if statement.span.start.line in done:
                continue
            # a statement numbered with a prefix speclint does not know ("**RF-3**", "| EF-02 |") is a requirement too
            numbered = _numbered(statement, lines)
            requirement = statement.is_requirement and (statement.in_requirements or statement.requirement_id is not None) \
                or requirement_shape(statement, proposal) or numbered
            for limit in _LIMITS + _MAGNITUDES + _IN_REQUIREMENTS:
                in_requirements_only = id(limit) in _IN_REQUIREMENTS_IDS  # by identity: a Record's == compares every field
                if in_requirements_only and not requirement and not statement.in_requirements:
                    continue
                for hit in search(limit.pattern, statement.segments):
                    if in_requirements_only and not requirement and not _OBLIGES.search(_own_sentence(hit.match)):
                        continue  # a requirements section's prose commits where it says must or shall
                    if id(limit) in _MAGNITUDES_IDS and not (requirement or _MODAL.search(_own_sentence(hit.match))):
                        continue  # "large customers churn": a description; "must support many users": a demand
                    if _QUESTION.search(hit.sentence) or _ASKED_AFTER.match(hit.match.string, hit.match.end()) \
                            or has_quantity(without_outline_number(hit.source_sentence)) \
                            or value_given_at(hit.sentence):
                        continue
                    # "durante un periodo determinado" in a numbered requirement is a limit, whatever it holds; what it
                    # holds is then unknown, so no other line's value ("se conservarán durante 5 años") can be its value
                    unknown_state = limit is _FOREIGN_VALIDITY and numbered and not limit.needs.search(hit.sentence)
                    if limit.needs is not None and not limit.needs.search(hit.sentence) and not unknown_state:
                        continue
                    if _NEGATION_BEFORE.search(hit.match.string, max(0, hit.match.start() - 40), hit.match.start()):
                        continue
                    if limit is _LIMITS[0] and _EVENT_CLAUSE_BEFORE.search(hit.match.string, max(0, hit.match.start() - 40),
                                                                           hit.match.start()):
                        continue  # "WHEN the lease expires THEN ...": the expiry as an event, not the limit stated
                    if not unknown_state and _given_elsewhere(limit, hit.match.group(0), lines, hit.span.start.line):
                        continue
                    where = (statement.span.start.line, hit.sentence)
                    if where in reported:
                        continue
                    reported.add(where)
                    written = " ".join(hit.match.group(0).split())
                    yield Violation(hit.span, f"'{written}': {limit.question}? State the value so it can be built and tested")
            yield from _named_boundaries(document, statement, reported)
            yield from _letters_for_numbers(document, statement, reported)
            if numbered or (requirement and statement.in_requirements):
                yield from _configurable_without_default(document, statement, reported)
        if proposal and profile_name(context) == "kiro-design":
            # a Kiro design states what will be built for its requirements: a limit named as a boundary in its design
            # sections still needs a value ("events within the allowed lateness are added to their window"). Not RFCs,
            # KEPs or enhancements: tried, their design sections name user-set fields and other systems' limits, and
            # give values by example in the next sentence (14 corpus findings, mostly wrong)
            for statement in statements(document):
                if statement.requirement_id is None and _states_the_design(statement):
                    yield from _named_boundaries(document, statement, reported)
        if not proposal:
            yield from _in_scenario_outcomes(document, lines)


_CODE_SPAN = lazy_compile(r"`[^`\n]{1,200}`")


def _done_task_lines(document: Document) -> set[int]:
    """The lines of ticked tasks and of the details under them ("- [x] 5.2 Implement retry logic" over "- Retry logic
    with exponential backoff"): a record of work done, whose limit is the design's to give."""
    done: set[int] = set()
    if "[x]" not in document.source and "[X]" not in document.source:
        return done  # most documents tick no task: no walk of their blocks
    for _, block in document.iter_blocks():
        if isinstance(block, ListItem) and block.checked:
            done.update(range(block.span.start.line, block.span.end.line + 1))
    return done


def _named_in_code(text: str, limit: NamedLimit) -> bool:
    """The limit is an identifier of the statement's code: `wait(timeout)`, `max_batch_size`."""
    if "`" not in text:
        return False
    return any(set(words_of(span.group(0))) & {limit.noun, *limit.head} for span in _CODE_SPAN.finditer(text))


#: "above the Stripe rate limit", "GitHub's API quota": a limit another system owns.
_PROPER_NAME = lazy_compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w-]*(?:['’]s)?\b")


def _named_boundaries(document: Document, statement: Statement, reported: set[tuple[int, str]]) -> Iterator[Violation]:
    """A named limit the statement's behaviour turns on ("payouts above the review limit are held", "up to
    their card's hold limit", "supere el umbral de riesgo") whose value the document gives nowhere."""
    if not may_name_a_limit(document, statement.text):
        return
    section = statement.section
    if not_in_scope(section) or in_question_section(section):
        return
    for hit in search(BOUNDARY, statement.segments):
        limit = named_limit(hit.match)
        if limit is None:
            continue
        english = any(hit.match.group(group) for group in ENGLISH_GROUPS)
        if not english and not _numbered(statement, document.lines):
            continue  # Spanish, German, French, Italian, Portuguese: only in a numbered requirement (which of their sections
            # only describe is less well known); any prefix numbers one ("RF-6", "EF-02", "AF-3")
        sentence = hit.source_sentence
        if _QUESTION.search(hit.sentence) or value_given_at(hit.sentence) or delegated(sentence) or "](" in sentence:
            continue
        text = hit.match.string
        _, sentence_end = sentence_bounds(text, hit.match.start(), hit.match.end())
        if value_beside(text, hit.match.start(), hit.match.end(), sentence_end):
            continue
        if not limit.head and not hit.match.group("inoun") and has_quantity(without_outline_number(statement.text)):
            continue  # "rate-limited to 60 requests per minute ..., and 429 above the limit": the limit just stated
        if english and _PROPER_NAME.search(hit.match.group(0)):
            continue  # "above GitHub's API rate limit": another system's limit, cited
        if _named_in_code(statement.text, limit):
            continue  # "WHEN `wait(timeout)` is called THEN ... ready within the timeout": a parameter the caller passes
        if given_elsewhere(document, limit, hit.span.start.line, hit.span.end.line):
            continue
        where = (statement.span.start.line, hit.sentence)
        if where in reported:
            continue
        reported.add(where)
        yield Violation(hit.span, f"'{limit.written}': the document never gives this limit a value. State it so it "
                                  "can be built and tested")


#: A limit said to be configurable: "over configurable sampling windows", "to a configurable maximum", "a configurable
#: retry budget". `head` says which one ("sampling", "retry"); `noun` what kind.
_LIMIT_NOUN = (r"(?:limits?|thresholds?|caps?|ceilings?|quotas?|budgets?|tolerances?|max(?:imum)?s?|min(?:imum)?s?|time-?outs?|"
               r"ttls?|cut-?offs?|periods?|windows?|" + "|".join(noun + "s?" for noun in MEASURE_NOUNS) + r"|cool-?downs?)")
_CONFIGURABLE_LIMIT = lazy_compile(
    r"\b(?:user-|admin-|operator-)?configurable\s+(?P<head>(?:(?!(?:and|or|per|for|of|with|by)\b)[\w-]+\s+){0,2}?)"
    r"(?P<noun>" + _LIMIT_NOUN + r")\b", _I)
#: The same said of the limit as a predicate: "Heartbeat interval and lease timeout MUST be configurable", "the
#: per-subscriber buffer limit shall be configurable". `subject` holds one limit or several joined by and/or.
_LIMIT_PHRASE = r"\b(?:(?!(?:and|or|the|a|an)\b)[\w-]+\s+){0,3}?" + _LIMIT_NOUN + r"\b"
_LIMIT_MADE_CONFIGURABLE = lazy_compile(
    r"(?P<subject>" + _LIMIT_PHRASE + r"(?:\s*,\s*(?:and\s+|or\s+)?" + _LIMIT_PHRASE + r"|\s+(?:and|or)\s+" + _LIMIT_PHRASE + r")*)"
    r"\s+(?:must|shall|should|will|is|are)\s+(?:be\s+)?(?:user-|admin-|operator-)?configurable\b", _I)
_ONE_LIMIT = lazy_compile(r"(?<![\w-])(?P<head>(?:[\w-]+\s+){0,3}?)(?P<noun>" + _LIMIT_NOUN + r")\b", _I)
#: The document states a default for a setting: "Configurable, default 30 minutes", "(default: 5)", "defaults to 10 s".
_DEFAULT_GIVEN = lazy_compile(
    r"\bdefault(?:s|ing)?\b\s*(?:value\s*)?(?:[:=]|\bof\b|\bis\b|\bto\b|\bat\b)?\s*[~≈<>≤≥]?\s*[$€£]?\d", _I)
#: A heading or label over the defaults, their values on the lines below: "### 9.3 Default retry policy" over
#: "- Async: max 3 retries", "**Defaults:**"; or a table with a Default column.
_DEFAULTS_TITLE = lazy_compile(r"^(?:#{1,6}\s[^\n]*\bdefaults?\b|(?:[-*+]\s+)?(?:\*\*|__)?[^|:\n]{0,40}\bdefaults?\b"
                               r"[^|:\n]{0,40}?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*$|\|(?:[^|\n]*\|)*\s*defaults?(?:\s+value)?\s*\|)", _I)
#: The sentence gives the default or the range itself: "(default 5, range 1-20)", "defaulting to the plan's value".
_DEFAULT_WORD = lazy_compile(r"\b(?:default\w*|range|between|from\s+\S+\s+to|up\s+to|at\s+most|at\s+least)\b", _I)


def _gives_defaults(document: Document) -> bool:
    """The document states defaults for some settings: in a sentence or row ("default 30 minutes"), or under a heading,
    label or table column that names them ("### Default retry policy" over "- Async: max 3 retries"). Read once per
    document (kept on it, as `kep.maturity` is): every statement making a limit configurable asks."""
    found = document.__dict__.get("_gives_defaults")
    if found is None:
        found = document.__dict__["_gives_defaults"] = _reads_defaults(document.lines)
    return found


def _reads_defaults(lines: list[str]) -> bool:
    for number, line in enumerate(lines):
        if "efault" not in line:
            continue
        if _DEFAULT_GIVEN.search(line):
            return True
        if _DEFAULTS_TITLE.match(line.lstrip()) and any(has_quantity(below) for below in lines[number + 1: number + 7]
                                               if not below.lstrip().startswith("#")):
            return True
    return False


def _no_default(hit: Hit, document: Document, phrases: list[re.Match[str]]) -> Violation | None:
    """The finding for a limit `hit` makes configurable, unless its sentence or the document gives a default for one
    of the limits it names (`phrases`: one, or several joined by and/or)."""
    sentence = hit.source_sentence
    if _QUESTION.search(hit.sentence) or _DEFAULT_WORD.search(sentence) or has_quantity(without_outline_number(sentence)):
        return None
    written = " ".join(hit.match.group(0).split())
    for phrase in phrases:
        noun = phrase.group("noun").lower().replace("-", "")
        head = tuple(word for word in words_of(phrase.group("head")) if word not in ("the", "a", "an", "and", "or"))
        limit = NamedLimit(head, stem(noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun), written)
        if not given_elsewhere(document, limit, hit.span.start.line, hit.span.end.line):
            return Violation(hit.span, f"'{written}' has no default, though the document gives defaults for other settings. "
                                       "State the default (and the allowed range) so it can be built and tested")
    return None


def _configurable_without_default(document: Document, statement: Statement, reported: set[tuple[int, str]]) -> Iterator[Violation]:
    """A numbered requirement makes a limit configurable and gives it no default, in a document that gives defaults
    for its other settings ("| NFR-204 | Migration Timeout | Configurable, default 30 minutes |"): by the document's
    own convention the default is part of the requirement, and without it nobody knows what ships."""
    text = statement.text
    if "onfigurable" not in text or not may_name_a_limit(document, text):
        return
    if not _gives_defaults(document):
        return  # a document that states no default anywhere: configurable is its whole answer
    hits = [(hit, [hit.match]) for hit in search(_CONFIGURABLE_LIMIT, statement.segments)]
    hits += [(hit, list(_ONE_LIMIT.finditer(hit.match.group("subject"))))
             for hit in search(_LIMIT_MADE_CONFIGURABLE, statement.segments)]
    for hit, phrases in hits:
        where = (statement.span.start.line, hit.sentence)
        if where in reported:
            continue
        violation = _no_default(hit, document, phrases)
        if violation is not None:
            reported.add(where)
            yield violation


_STEP = lazy_compile(r"^\s*(?P<keyword>Given|When|Then|And|But)\b", _I)
#: A statement numbered with any prefix: "**RF-6**", "| EF-02 |", "AF-3:".
_ANY_LEADING_ID = lazy_compile(r"^\W{0,3}[A-Z]{1,5}-\d{1,4}\b")


def _numbered(statement: Statement, lines: list[str]) -> bool:
    """The statement has a requirement ID, or is numbered with a prefix speclint does not know ("**RF-3** ...",
    "| RF-06 | ... |": a table row's first cell numbers each of its cells)."""
    if statement.requirement_id is not None or _ANY_LEADING_ID.match(statement.text):
        return True
    if statement.kind != "table-cell":
        return False
    row = lines[statement.span.start.line - 1].strip()
    cells = row.strip("|").split("|")
    return len(cells) > 1 and bool(_ANY_LEADING_ID.match(cells[0].strip()))



def scenario_blocks(document: Document) -> Iterator[CodeBlock]:
    """The Gherkin scenarios in code blocks, outside descriptive sections (background, context)."""
    from speclint.document.text import iter_nested
    from speclint.reading.requirements import is_gherkin_block

    for section in document.root.walk():
        if is_descriptive(section):
            continue
        for block in iter_nested(section.blocks):
            if isinstance(block, CodeBlock) and is_gherkin_block(block):
                yield block

def _in_scenario_outcomes(document: Document, lines: list[str]) -> Iterator[Violation]:
    """The outcomes of Gherkin scenarios in code blocks ("Then ...", and the "And" steps after it): each
    is a requirement ("And a confirmation e-mail is sent shortly")."""
    from speclint.document.text import find_all

    for block in scenario_blocks(document):
        outcome = False
        for segment in block.lines:
            step = _STEP.match(segment.text)
            if step is None:
                continue
            keyword = step.group("keyword").lower()
            outcome = keyword == "then" or (outcome and keyword in ("and", "but"))
            if not outcome or has_quantity(segment.text):
                continue
            for limit in _LIMITS + _MAGNITUDES + _IN_REQUIREMENTS:
                found = next(iter(find_all(limit.pattern, [segment], visible_only=False)), None)
                if found is None:
                    continue
                match, span = found
                if limit.needs is not None and not limit.needs.search(segment.text):
                    continue
                if _NEGATION_BEFORE.search(match.string, max(0, match.start() - 40), match.start()):
                    continue
                if _given_elsewhere(limit, match.group(0), lines, segment.line):
                    continue
                written = " ".join(match.group(0).split())
                yield Violation(span, f"'{written}': {limit.question}? State the value so it can be built and tested")
                break


def _letters_for_numbers(document: Document, statement: Statement, reported: set[tuple[int, str]]) -> Iterator[Violation]:
    """A letter standing in for a number ("at most N items") that no line of the document gives a value."""
    if not _A_LETTER.search(statement.text) or not_in_scope(statement.section) or in_question_section(statement.section):
        return
    for hit in search(_LETTER_FOR_A_NUMBER.pattern, statement.segments):
        letter = hit.match.group("letter")
        if _QUESTION.search(hit.sentence) or _letter_defined(document, letter, statement.span.start.line, statement.span.end.line):
            continue
        if any(letter in span.group(0) or _LOWER_LETTER.search(span.group(0)) for span in _CODE_SPAN.finditer(statement.text)):
            continue  # "WHEN `collectN` is called THEN ... the first N results": the caller's argument
        where = (statement.span.start.line, hit.sentence)
        if where in reported:
            continue
        reported.add(where)
        written = " ".join(hit.match.group(0).split())
        yield Violation(hit.span, f"'{written}': {letter} stands for a number the document never gives. State it so it can be "
                                  "built and tested")


_LOWER_LETTER = lazy_compile(r"(?:\b|_)[nmkx]\b")
_A_LETTER = lazy_compile(r"(?<![\w`])[NMKX](?![\w`])")


def _letter_defined(document: Document, letter: str, first: int, last: int) -> bool:
    """The document says what the letter is: a value ("N = 50", "N: 20", "N (currently 25)"), a definition ("where N is
    the smaller of 5 and the rows", "N è il numero di ..."), or any mention on another line ("the user types N")."""
    standalone = lazy_compile(r"(?<![\w`])" + letter + r"(?![\w`])")
    for number, line in enumerate(document.lines, start=1):
        if letter not in line or not standalone.search(line):
            continue
        if not first <= number <= last or _DEFINES_LETTER.search(line):
            return True
    return False


_DEFINES_LETTER = lazy_compile(
    r"(?<![\w`])[NMKX](?![\w`])\s*(?:[=:≤<]|\((?:currently|default|e\.g\.|z\.\s?B\.|ad\s+es\.|por\s+ej\.)?\s*~?\d)|"
    r"\b(?:where|wherein|with|wobei|dove|donde|où|onde)\s+[NMKX]\b|"
    r"(?<![\w`])[NMKX]\s+(?:is|ist|è|es|est|é|equals|denotes|means|stands\s+for|bezeichnet|indica|representa|désigne)\b")


#: The sections of a proposal that state its design (not its motivation, alternatives, drawbacks or questions).
_DESIGN_TITLE = lazy_compile(
    r"\b(?:design|proposal|specification|implementation|architecture|components?|mechanism|behaviou?r|"
    r"how\s+it\s+works|data\s+flow|algorithm)\b", _I)
_NOT_DESIGN_TITLE = lazy_compile(
    r"\b(?:motivation|alternatives?|drawbacks?|prior\s+art|future|unresolved|questions?|risks?|goals?|non-goals?|summary|"
    r"background|context|rationale|history|graduation|upgrade|downgrade|version\s+skew|test\s+plan|rollout|monitoring|"
    r"troubleshooting|scalability|production\s+readiness|infrastructure\s+needed|implementation\s+history|user\s+stories|"
    r"notes|caveats|examples?)\b", _I)
_HEDGE = lazy_compile(r"\b(?:could|might|may|would|perhaps|possibly|e\.\s?g\.|for\s+example|for\s+instance|such\s+as|if\s+we)\b", _I)


def _states_the_design(statement: Statement) -> bool:
    """The statement stands in a proposal's design section and commits (no could, might, would, for example)."""
    titles = [each.title for each in (statement.section, *statement.section.ancestors()) if each.heading is not None]
    if not titles or any(_NOT_DESIGN_TITLE.search(title) for title in titles):
        return False
    if not any(_DESIGN_TITLE.search(title) for title in titles):
        return False
    return not is_descriptive(statement.section) and not is_user_story(statement.text) and not _HEDGE.search(statement.text)


def statements_read(document: Document, context: RuleContext) -> Iterator[Statement]:
    """The statements this rule and named-limit-without-value (MS007) read: not descriptions or user
    stories; in the `skip-profiles` proposals only those with a requirement ID, and in an ADR only
    those of its decision (or with an ID)."""
    proposal = profile_name(context) in set(context.options["skip-profiles"])
    adr = profile_name(context) == "adr"
    for statement in statements(document):
        if proposal and not statement.requirement_id:
            continue
        if adr and not statement.requirement_id and not _in_decision(statement.section):
            continue
        if is_descriptive(statement.section) or is_user_story(statement.text):
            continue
        yield statement


#: An ADR's follow-up actions commit like its decision: "1. Audit all replica buckets ... with an appropriate retention period".
_ACTIONS_TITLE = lazy_compile(r"\b(?:follow[- ]?up\s+actions?|action\s+items?)\b", _I)


def _in_decision(section: Section) -> bool:
    return any(each.heading is not None and bool(_DECISION_TITLE.search(each.title) or _ACTIONS_TITLE.search(each.title))
               for each in (section, *section.ancestors()))


def _given_elsewhere(limit: _Limit, written: str, lines: list[str], line: int) -> bool:
    """True when another line of the document states a value for the same limit ("Session timeout: 30 min").
    An expiry is the same limit only for the same thing: "invitations expire after 7 days" does not
    say when sessions expire."""
    noun = _EXPIRING_NOUN.match(written)
    waits = id(limit) in _WAITS_IDS  # how long to wait is given by a duration ("| Acknowledgement timeout | 15 min |"), not "the first courier"
    retries = limit.question == _RETRY_QUESTION
    own_condition = _condition_words(lines[line - 1]) if retries and 0 < line <= len(lines) else None
    for index, line_text in enumerate(lines):
        text = _LINE_MARKER.sub("", line_text)  # "3. WHEN ...": a list number is not a value
        if index + 1 == line:
            continue
        if noun is not None and any(word.startswith(noun.group(1).lower()) for found in _LASTING.finditer(text)
                                    for word in found.group("noun").lower().split()):
            return True  # "claims the task with a 4-hour lease": how long a lease lasts
        if noun is not None and any(found.group("noun").lower().startswith(noun.group(1).lower())
                                    for found in _LABELLED_DURATION.finditer(text)):
            return True  # "| Worker lease | 15 min, renewed every 5 min |": a table row or label gives it
        if not limit.subject.search(text) or not has_quantity(text) or (waits and not _A_DURATION.search(text)):
            continue
        if retries and not _retry_value_for(text, own_condition):
            continue
        if noun is None or noun.group(1).lower() in text.lower():
            return True
    return False


_RETRY_QUESTION = "how many times, how far apart"
#: A count or delay given to a retry: "up to 3 attempts", "max 3 retries", "retried 5 times", "Backoff: 1 s, 2 s, 4 s",
#: "| Retry attempts | 5 |" (not "files above 100MB ... before attempting to parse them").
_RETRY_VALUE = lazy_compile(
    r"(?<![\d.,])\d[\d.,]*\s*(?:x\s+)?(?:retries|retry|re-?attempts?|attempts|times|tries)\b|"
    r"\b(?:retries|retry|attempts|backoff|back-off|tries)\b\W{0,6}(?:[\w-]+\s+){0,3}?(?:of\s+|to\s+|at\s+)?[~≈]?\d|"
    r"\bretr(?:y|ies|ied)\s+(?:[\w-]+\s+){0,2}?(?:once|twice)\b", re.I)
#: An EARS requirement's own trigger: "WHEN requirements generation fails, THE System SHALL retry ...".
_EARS_CONDITION = lazy_compile(r"^\W*(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:WHEN|IF)\s+(?P<condition>[^,]{3,160}?)"
                               r"(?:,|\s+THEN\b|\s+THE\s)")
_RETRY_PROMISED = lazy_compile(r"\b(?:shall|must|will|should)\s+(?:[\w-]+\s+){0,2}?retry\b", re.I)
_CONDITION_STOP = frozenset(("the", "a", "an", "is", "are", "occur", "occurs", "with", "when", "if", "fail", "fails", "failed"))


def _condition_words(line_text: str) -> frozenset[str] | None:
    found = _EARS_CONDITION.match(line_text)
    if found is None:
        return None
    return frozenset(word for word in re.findall(r"[a-z]+", found.group("condition").lower()) if word not in _CONDITION_STOP)


def _retry_value_for(text: str, own_condition: frozenset[str] | None) -> bool:
    """The line gives a retry a count or delay, and it is this retry's: an EARS requirement that retries on a trigger
    of its own ("WHEN requirements generation fails ... retry up to 3 attempts") does not size the retry of another
    trigger ("WHEN GitHub API calls fail ... retry with exponential backoff")."""
    if not _RETRY_VALUE.search(text) and not _A_DURATION.search(text):
        return False  # a delay counts too: "| 2 | 5 min | retry |" in a retry schedule
    if own_condition is None or not _RETRY_PROMISED.search(text):
        return True
    other = _condition_words(text)
    return other is None or other == own_condition


_A_DURATION = lazy_compile(r"\d\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|business\s+days?|weeks?)\b", re.I)
#: A duration given to the thing that expires: "a 4-hour lease", "a 15 min access token".
_LASTING = lazy_compile(r"\b\d+(?:\.\d+)?[\s-]?(?:s|sec|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)[\s-]+"
                        r"(?P<noun>[a-z]+(?:\s+[a-z]+)?)", re.I)


#: A duration given to a thing in a label's value: "| Worker lease | 15 min |", "Invite link TTL: 7 days".
_LABELLED_DURATION = lazy_compile(
    r"\b(?P<noun>[a-z]+)(?:\s+(?:ttl|duration|time-?out|lifetime|length|expiry|validity|period))?\s*(?:\*\*|__)?\s*"
    r"(?:\||:|=|[—–])\s*(?:\*\*|__)?\s*~?\s*\d+(?:\.\d+)?\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|"
    r"months?|years?)\b", re.I)


_LINE_MARKER = lazy_compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+)\s+")
# "10.2. WHEN ...": an outline number that markdown does not read as a list marker is no value.
_OUTLINE_NUMBER = lazy_compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.?(?=\s)")


def without_outline_number(sentence: str) -> str:
    """The sentence without what only looks like a value: an outline number ("10.2. WHEN ..."), an HTTP
    status ("respond with HTTP 429") that says how a limit answers, and the period a limit resets in
    ("a monthly quota")."""
    return _LIMIT_PERIOD.sub(" ", _STATUS_CODE.sub(" ", _OUTLINE_NUMBER.sub("", sentence)))


# "a monthly message quota": the period a limit resets in, not its value.
_LIMIT_PERIOD = lazy_compile(r"\b(?:hourly|daily|weekly|monthly|yearly|annual)\s+(?=(?:[\w-]+\s+)?(?:quotas?|limits?|caps?|allowances?)\b)",
                             re.I)


_STATUS_CODE = lazy_compile(r"\b(?:HTTP(?:/\d(?:\.\d)?)?|status(?:\s+code)?|error|code)\s*[1-5]\d\d\b|"
                            r"\b[1-5]\d\d\s+(?:Too\s+Many\s+Requests|Service\s+Unavailable|Payload\s+Too\s+Large|Request\s+Timeout)\b", re.I)
# The thing that expires, as a stem found in its plural and singular ("session", "link", "invit").
_EXPIRING_NOUN = lazy_compile(r"(session|token|link|code|otp|invit|api key|cookie|cart|reservation|hold|lease|password|credential|"
                            r"url|quote|offer|coupon|voucher|pass|grant|secret|certificate|approval)",
                            re.I)


_SENTENCE_START = lazy_compile(r"[.!?;]\s+(?=\S)")


def _own_sentence(match: re.Match[str]) -> str:
    """The sentence the match stands in, from its start (a match that opens a sentence does not take
    the sentence before it along)."""
    text = match.string
    begin = 0
    for boundary in _SENTENCE_START.finditer(text, max(0, match.start() - 300), match.start() + 1):
        if boundary.end() <= match.start():
            begin = boundary.end()
    end = _SENTENCE_START.search(text, match.end())
    return text[begin: end.start() + 1 if end else len(text)]
