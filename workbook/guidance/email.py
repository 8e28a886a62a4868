"""The thank-you email (``email.toml``, G26-G29): its template and :func:`render_email`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Final

from workbook.guidance import parsing as p
from workbook.guidance.records import EmailTemplate, RenderedEmail, Text

__all__ = ["attached_items", "email_template", "parse_email", "render_email"]

# Which placeholders each part of the email template may use.
_EMAIL_PARTS: Final[dict[str, frozenset[str]]] = {
    "subject": frozenset({"role", "employer"}),
    "body": frozenset(
        {"greeting", "role", "employer", "substance", "attachments", "unavailable", "sender", "linkedin"}
    ),
    "greeting": frozenset({"interviewers"}),
    "greeting_nobody": frozenset(),
    "substance": frozenset({"substance"}),
    "substance_missing": frozenset(),
    "attachments": frozenset({"items"}),
    "unavailable": frozenset({"items"}),
    "linkedin": frozenset({"url"}),
    "sender_missing": frozenset(),
    "and": frozenset(),
}


def parse_email(data: Mapping[str, Any], src: str) -> EmailTemplate:
    """Validate and parse the email template file's content."""
    parts: dict[str, Text] = {}
    for part, allowed in _EMAIL_PARTS.items():
        value = p.text(data, part, src, "")
        used = p.placeholders(value.nl, src, part)
        if not used <= allowed:
            raise p.fail(src, part, f"unknown placeholder(s) {sorted(used - allowed)}; use {sorted(allowed)}")
        parts[part] = value
    return EmailTemplate(
        subject=parts["subject"],
        body=parts["body"],
        greeting=parts["greeting"],
        greeting_nobody=parts["greeting_nobody"],
        substance=parts["substance"],
        substance_missing=parts["substance_missing"],
        attachments=parts["attachments"],
        linkedin=parts["linkedin"],
        sender_missing=parts["sender_missing"],
        conjunction=parts["and"],
        points=p.points(data, src, "(top level)"),
        unavailable=parts["unavailable"],
    )


@cache
def email_template() -> EmailTemplate:
    """The thank-you email template in both languages."""
    return parse_email(p.read("email"), "email.toml")


def _enumerate(items: Sequence[str], conjunction: str) -> str:
    """'A', 'A en B', 'A, B en C': the way both languages list names."""
    items = [item.strip() for item in items if item.strip()]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def render_email(
    lang: str,
    *,
    interviewers: Sequence[str] = (),
    employer: str,
    role: str,
    substance: str = "",
    attachments: Sequence[str] = (),
    unavailable: Sequence[str] = (),
    linkedin_url: str = "",
    sender: str = "",
) -> RenderedEmail:
    """Fill in the thank-you email template in ``lang`` (``nl`` or ``en``).

    Parameters
    ----------
    interviewers
        Names of the people spoken with, greeted together (G27).
    substance
        One point of substance from the conversation (G29); left empty, a marker in
        square brackets asks the candidate to write one.
    attachments
        What was promised and goes along (G27); the line disappears when empty.
    unavailable
        What was promised but cannot be delivered: never announced as attached, a
        marker in square brackets asks the candidate to explain (G27).
    linkedin_url
        Link to the candidate's LinkedIn profile (G29); the line disappears when empty.
    sender
        The candidate's name; a marker in square brackets when empty.
    """
    template = email_template()
    conjunction = template.conjunction.get(lang)
    names = _enumerate(interviewers, conjunction)
    greeting = template.greeting.get(lang).format(interviewers=names) if names else template.greeting_nobody.get(lang)
    point = substance.strip().rstrip(".")
    items = _enumerate(attachments, conjunction)
    missing = _enumerate(unavailable, conjunction)
    explain = template.unavailable.get(lang) if template.unavailable is not None else ""
    body = template.body.get(lang).format(
        greeting=greeting,
        role=role.strip(),
        employer=employer.strip(),
        substance=template.substance.get(lang).format(substance=point)
        if point
        else template.substance_missing.get(lang),
        attachments=template.attachments.get(lang).format(items=items) if items else "",
        unavailable=explain.format(items=missing) if missing else "",
        sender=sender.strip() or template.sender_missing.get(lang),
        linkedin=template.linkedin.get(lang).format(url=linkedin_url.strip()) if linkedin_url.strip() else "",
    )
    subject = template.subject.get(lang).format(role=role.strip(), employer=employer.strip())
    return RenderedEmail(subject=subject, body=_tidy(body))


def attached_items(body: str, lang: str) -> str | None:
    """The list of items the template's attachment sentence in ``body`` announces, as
    written there (``None`` when the email has no such sentence, e.g. rewritten).
    ``lang`` is tried first; an email drafted in the other language is found too."""
    for each in dict.fromkeys((lang, "nl", "en")):
        lead = email_template().attachments.get(each).split("{items}")[0].strip()
        for line in body.splitlines() if lead else ():
            start = line.find(lead)
            if start >= 0:
                return line[start + len(lead) :].strip().rstrip(".").strip()
    return None


def _tidy(body: str) -> str:
    # Optional parts leave empty lines behind; keep at most one blank line in a row.
    lines = [line.rstrip() for line in body.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and tidy and not tidy[-1]:
            continue
        tidy.append(line)
    return "\n".join(tidy).strip()
