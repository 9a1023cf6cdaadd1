"""What each expected section should say: the guidance `speclint new` and the missing-section fix
write under a heading, as an HTML comment (so an unfilled section is still reported as empty).

Kept here rather than in the profiles' YAML so that a profile needs none: a section without its own
guidance gets a sentence built from its name.
"""

from __future__ import annotations

from speclint.document.headings import heading_key

_GUIDANCE = {
    "summary": "One paragraph: what this document proposes, for whom, and why now.",
    "problem": "Who has the problem, what it costs them today, and how you know (data, support tickets, research).",
    "goals": "What this work must achieve, as outcomes a reader can check.",
    "non-goals": "What this work will not do, so that nobody expects it: one line each.",
    "user stories": "As a <role>, I want <capability>, so that <benefit>. One story per item.",
    "requirements": "What the system must do, one numbered requirement each, with its acceptance criteria.",
    "non-functional requirements": "Performance, availability, security and accessibility targets, with numbers.",
    "success metrics": "How you will know this worked: metric, baseline, target, and when it is measured.",
    "risks": "What could go wrong, how likely it is, and what you will do about it.",
    "dependencies": "Teams, services and decisions this work waits on.",
    "rollout": "Phases, feature flags, who gets it when, and how to roll back.",
    "open questions": "Questions still to settle, each with who decides and by when.",
    "motivation": "Why are we doing this? What use cases does it support? What is the expected outcome?",
    "background": "What a reader needs to know first: the current system and its history.",
    "design": "The design: components, data flow, interfaces, and the choices made along the way.",
    "alternatives": "Other designs considered, and why this one was chosen.",
    "proposal": "What you propose, in enough detail to review it.",
    "drawbacks": "Why should we not do this?",
    "test plan": "How this will be tested: unit, integration and end-to-end, and what is covered.",
    "graduation criteria": "What must be true to move to the next stage.",
    "context and problem statement": "The context and the problem, in two or three sentences.",
    "decision outcome": "Chosen option, and why: the decision drivers it meets.",
    "considered options": "Each option considered, one line each.",
    "introduction": "What the feature is and who it is for, in a paragraph.",
    "acceptance criteria": "WHEN <trigger> THEN the <system> SHALL <response>. One criterion per item.",
    "edge cases": "What happens at the boundaries: empty input, limits, failures, concurrent use.",
    "functional requirements": "FR-001: the system MUST ... One requirement per item.",
    "success criteria": "SC-001: a measurable outcome, with its target.",
    "guide-level explanation": "Explain the proposal as if it were already part of the language, with examples.",
}


_BY_KEY = {heading_key(name): text for name, text in _GUIDANCE.items()}


def guidance_for(section_name: str) -> str:
    """The guidance comment's text for an expected section called `section_name`."""
    text = _BY_KEY.get(heading_key(section_name))
    return text or f"Write the {section_name.strip().lower()} of this document here."


def guidance_comment(section_name: str) -> str:
    return f"<!-- {guidance_for(section_name)} -->"
