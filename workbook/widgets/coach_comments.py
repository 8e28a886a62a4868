"""The coach's written comments as the candidate sees them in their workspace.

A comment is marked as the coach's, carries its date, and is flagged "new" the one
time it is shown before the candidate has seen it; a note above the steps counts the
new ones, so a comment on another interview is noticed too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as w

from workbook.model import CoachComment, Interview
from workbook.store import Store
from workbook.texts import format_date, t
from workbook.widgets._common import escape

__all__ = ["CoachComments", "comments_html", "item_label", "unread_html"]


def item_label(key: str, lang: str, own: Mapping[str, str]) -> str:
    """The label of the rubric item a comment is on: built-in, the workshop's own, or
    a plain description when the item is unknown (never the key)."""
    if key in own:
        return own[key]
    try:
        return t(f"rubric.{key}", lang)
    except KeyError:
        return t("comments.on_unknown_item", lang)


def _comment_html(comment: CoachComment, lang: str, own: Mapping[str, str]) -> str:
    # "From your coach" heads the box; each comment carries its date and item.
    meta = [escape(format_date(comment.created_at, lang, long=True))]
    if comment.item:
        meta.append(escape(t("comments.on_item", lang, item=item_label(comment.item, lang, own))))
    new = f' <span class="wb-new">{escape(t("comments.new", lang))}</span>' if comment.read_at is None else ""
    return (
        f'<div class="wb-comment{" wb-comment-new" if comment.read_at is None else ""}">'
        f'<div class="wb-comment-meta">{" · ".join(meta)}{new}</div>'
        f'<div class="wb-comment-body">{escape(comment.text)}</div></div>'
    )


def comments_html(comments: Sequence[CoachComment], lang: str, own: Mapping[str, str]) -> str:
    """The comments on one interview: open while one is new, folded once all are read.

    The comments on the interview as a whole come first, then those on rubric items.
    """
    if not comments:
        return ""
    ordered = sorted(comments, key=lambda c: (c.item != "", c.created_at))
    fresh = sum(c.read_at is None for c in ordered)
    summary = f"{escape(t('comments.heading', lang))} ({len(ordered)})"
    if fresh:
        summary += f' <span class="wb-new">{fresh} {escape(t("comments.new", lang))}</span>'
    body = "".join(_comment_html(c, lang, own) for c in ordered)
    return f'<details class="wb-comments"{" open" if fresh else ""}><summary>{summary}</summary>{body}</details>'


def unread_html(comments: Sequence[CoachComment], interviews: Sequence[Interview], current: str, lang: str) -> str:
    """How many comments are new, and on which other interviews they are."""
    unread = [c for c in comments if c.read_at is None]
    if not unread:
        return ""
    employers = {i.id: i.employer for i in interviews}
    elsewhere = sorted(
        {employers[c.interview_id] for c in unread if c.interview_id != current and c.interview_id in employers}
    )
    if not elsewhere:
        text = t("comments.unread", lang, count=len(unread))
    else:
        # "also" when some of the new ones are on the interview on screen.
        key = "comments.unread_also" if any(c.interview_id == current for c in unread) else "comments.unread_elsewhere"
        text = t(key, lang, count=len(unread), interviews=", ".join(elsewhere))
    return f'<span class="wb-comments-unread" role="status">✉ {escape(text)}</span>'


class CoachComments:
    """Two widgets the workspace places apart: ``note``, the count of new comments for
    above the steps, and ``box``, the comments on the current interview for above the
    exercise. :meth:`show` redraws both and marks the shown comments read."""

    def __init__(self, store: Store, lang: str) -> None:
        self.store = store
        self.lang = lang
        self.note = w.HTML()
        self.note.add_class("wb-comments-note")
        self.box = w.HTML()
        self.box.add_class("wb-coach-comments")
        self.shown: list[CoachComment] = []

    def show(self, interview: Interview | None, interviews: Sequence[Interview]) -> list[CoachComment]:
        """Show the comments on ``interview`` (none for ``None``), then mark them read.

        The flags and the count are those of this moment, so "new" is seen once: the
        next time the box is drawn, the comments read now are no longer new.
        """
        everything = self.store.comments()
        current = interview.id if interview is not None else ""
        self.shown = [c for c in everything if c.interview_id == current]
        own = {item.key: item.label for item in self.store.workshop_rubric_items(retired=True)}
        self.box.value = comments_html(self.shown, self.lang, own)
        self.note.value = unread_html(everything, interviews, current, self.lang)
        if any(c.read_at is None for c in self.shown):
            self.store.mark_comments_read(current)
        return self.shown
