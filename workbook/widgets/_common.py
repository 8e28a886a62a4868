"""Small helpers every exercise shares: safe HTML for feedback, and the shared style."""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from typing import Final, Literal

__all__ = ["STYLE", "close_tree", "download_link", "escape", "message_html", "replace_children", "safe_filename"]

Level = Literal["ok", "tip", "warning", "error"]

_ICONS: Final[dict[str, str]] = {"ok": "✓", "tip": "ℹ", "warning": "⚠", "error": "✗"}


def escape(text: object) -> str:
    """User text made inert for an HTML widget (quotes too: it may land in attributes)."""
    return html.escape(str(text), quote=True)


def message_html(text: str, level: Level = "tip", *, trusted_html: bool = False) -> str:
    """One feedback line. ``text`` is escaped unless the caller built it safely."""
    body = text if trusted_html else escape(text)
    icon = f'<span aria-hidden="true">{_ICONS[level]}</span>'
    return f'<div class="wb-msg wb-{level}" role="status">{icon} {body}</div>'


# Colours come from JupyterLab's theme variables, so the light and the dark Voilà
# theme both stay readable; the fallbacks serve a plain notebook.
STYLE: Final = """
<style>
.wb-app { max-width: 1100px; margin: 0 auto; font-size: 15px; }
.wb-app h1 { font-size: 1.6em; margin: 0.2em 0; }
.wb-app h2 { font-size: 1.25em; margin: 0.6em 0 0.2em; }
.wb-msg { padding: 4px 10px; border-radius: 4px; margin: 2px 0; line-height: 1.4; }
.wb-ok { background: rgba(46, 160, 67, 0.15); border-left: 4px solid #2ea043; }
.wb-tip { background: rgba(56, 139, 253, 0.12); border-left: 4px solid #388bfd; }
.wb-warning { background: rgba(210, 153, 34, 0.18); border-left: 4px solid #d29922; }
.wb-error { background: rgba(248, 81, 73, 0.15); border-left: 4px solid #f85149; }
.wb-table { border-collapse: collapse; width: 100%; }
.wb-table th, .wb-table td { text-align: left; padding: 4px 8px;
  border-bottom: 1px solid var(--jp-border-color2, #ddd); }
.wb-code { font-family: var(--jp-code-font-family, monospace); font-size: 1.2em; letter-spacing: 0.05em; }
.wb-app .widget-label, .wb-app .widget-text input, .wb-app textarea { font-size: 15px; }
/* Buttons as wide as their label: Dutch labels are long, a fixed width cuts them. */
.wb-app .jupyter-button { width: auto; min-width: 40px; padding: 0 12px; }
.wb-app .wb-saved { color: #2ea043; }
.wb-app .wb-unsaved { color: #d29922; }
.wb-app .wb-overdue { border-left: 4px solid #f85149; padding-left: 4px; }
/* A lone button in a column keeps its own width instead of stretching. */
.wb-app .widget-vbox > .jupyter-button { align-self: flex-start; }
/* Downloads look like what they are: something to click. */
.wb-app a.wb-download, .wb-app a.wb-mailto { display: inline-block; padding: 4px 12px; margin: 4px 0;
  border: 1px solid #388bfd; border-radius: 4px; color: #388bfd; text-decoration: none; font-weight: 600; }
.wb-app a.wb-download:hover, .wb-app a.wb-mailto:hover { background: rgba(56, 139, 253, 0.12); }
.wb-app .wb-table td:first-child { white-space: nowrap; }
/* The chosen score must stand out from the other buttons. */
.wb-app .wb-score .mod-active { background: #388bfd; color: #fff; }
.wb-app .wb-code-line { margin: 2px 0 6px; }
.wb-app details.wb-why { display: inline; margin-left: .4em; }
.wb-app details.wb-why summary {
  display: inline; cursor: pointer; color: #0b5cad; text-decoration: underline; font-size: .9em;
}
.wb-app details.wb-why[open] { display: block; margin: 4px 0 0; color: #333; }
.wb-app .wb-copy {
  margin-left: .5em; padding: 2px 12px; min-height: 32px; border: 1px solid #bbb; border-radius: 4px;
  background: #f6f8fa; cursor: pointer; font-size: 14px;
}
/* The first button means "not scored": chosen, it must not look like a score. */
.wb-app .wb-score .widget-toggle-button:first-child.mod-active { background: #e9ecef; color: #444; box-shadow: none; }
.wb-app .wb-column-heads { display: flex; gap: 4px; font-size: 0.9em; opacity: 0.8; }
.wb-app .wb-column-heads span { flex: 1 1 0; }
/* The coach's roster: one line per candidate, the name opens the review. */
.wb-roster .wb-roster-row { align-items: center; border-bottom: 1px solid var(--jp-border-color2, #ddd); }
.wb-roster .wb-roster-open { justify-content: flex-start; text-align: left; font-weight: 600;
  background: transparent; color: #1f6feb; overflow: hidden; text-overflow: ellipsis; }
.wb-roster .wb-roster-open:hover { text-decoration: underline; }
.wb-roster .wb-roster-cells { flex: 1 1 auto; }
.wb-roster .wb-roster-line { display: grid; grid-template-columns: 6em 9em 7em 4em 4em 9em minmax(8em, 1fr);
  gap: 2px 8px; align-items: center; }
.wb-roster .wb-roster-header { font-size: 0.9em; opacity: 0.8; }
.wb-roster .wb-roster-header b { padding-left: 12px; }
.wb-roster .wb-roster-signup { grid-column: 1 / -1; opacity: 0.75; }
.wb-roster .wb-cell-label { display: none; }
.wb-app .wb-flag { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 8px;
  font-size: 0.85em; font-weight: 600; background: rgba(210, 153, 34, 0.25); }
/* The review: the candidate's work beside the rubric; stacked on a phone. */
.wb-review .wb-review-work { flex: 1 1 28em; min-width: 0; margin-right: 16px; }
.wb-review .wb-review-rubric { flex: 1 1 22em; min-width: 0; }
.wb-review .wb-review-section { margin-bottom: 0.6em; }
.wb-review .wb-review-section h3 { margin: 0.6em 0 0.2em; border-bottom: 1px solid var(--jp-border-color2, #ddd); }
.wb-app .wb-review-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 0.4em 0.6em; }
.wb-review .wb-self-score { min-width: 5em; font-size: 0.9em; }
.wb-review .wb-comment { border-left: 3px solid #388bfd; padding-left: 6px; margin: 4px 0; }
.wb-app .wb-news { background: rgba(56, 139, 253, 0.12); padding: 2px 6px; border-radius: 4px; }
.wb-app .wb-content-row { align-items: flex-start; border-bottom: 1px solid var(--jp-border-color2, #ddd); }
.wb-app .wb-scroll { overflow-x: auto; max-width: 100%; }
@media (max-width: 700px) {
  .wb-roster .wb-roster-row { flex-wrap: wrap; }
  .wb-roster .wb-roster-line { grid-template-columns: repeat(3, minmax(5em, 1fr)); }
  .wb-roster .wb-roster-header { display: none; }
  .wb-roster .wb-cell-label { display: block; font-size: 0.75em; font-style: normal; opacity: 0.7; }
  .wb-review .wb-review-work { margin-right: 0; }
  /* Five tab titles side by side do not fit a phone: let them wrap, never cut. */
  .wb-app .wb-coach .jupyter-widget-tab > .lm-TabBar > .lm-TabBar-content { flex-wrap: wrap; }
  .wb-app .wb-coach .jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab { flex: 0 1 auto; }
}
/* The projector view is read from the back of the room: large type, nothing small,
   the whole width of the screen, and on a 1280x800 projector all of it at once. */
.wb-app:has(.wb-projector) { max-width: none; }
.wb-projector { font-size: clamp(15px, 1.5vw, 30px); line-height: 1.3; }
.wb-projector h1 { font-size: 1.7em; margin: 0.1em 0 0.2em; }
.wb-projector h2 { font-size: 1.2em; margin: 0.5em 0 0.2em; }
.wb-projector .wb-projector-top { flex-wrap: wrap; gap: 0 2em; align-items: flex-end; }
.wb-projector .wb-projector-top > .widget-html { flex: 0 1 auto; min-width: 0; }
/* ipywidgets gives every HTML widget its own small font: here the projector's size counts. */
.wb-projector .widget-html, .wb-projector .jupyter-widget-html,
.wb-projector .widget-html-content { font-size: inherit; line-height: inherit; }
.wb-projector .wb-projector-label { font-size: 0.8em; opacity: 0.8; }
.wb-projector .wb-projector-address { font-size: 1.4em; font-weight: 600; overflow-wrap: anywhere; }
.wb-projector .wb-projector-code { font-family: var(--jp-code-font-family, monospace);
  font-size: clamp(36px, 6.5vw, 140px); font-weight: 700; letter-spacing: 0.05em; line-height: 1.05;
  white-space: nowrap; }
.wb-projector .wb-projector-how { font-size: 0.8em; margin: 0.2em 0; max-width: 60em; }
.wb-projector .wb-projector-figures { display: flex; flex-wrap: wrap; gap: 0.3em 1.5em; margin: 0.3em 0; }
.wb-projector .wb-projector-figure b { display: block; font-size: 2em; line-height: 1; }
.wb-projector .wb-projector-note { font-size: 0.8em; margin: 0 0 0.4em; }
.wb-projector .wb-bars { display: grid; grid-template-columns: minmax(5em, max-content) 1fr; gap: 0.25em 0.8em;
  align-items: center; }
.wb-projector .wb-bar { display: flex; height: 1.4em; border-radius: 4px; overflow: hidden;
  background: var(--jp-layout-color2, #eee); }
.wb-projector .wb-bar span { display: flex; align-items: center; justify-content: center; color: #fff;
  font-size: 0.85em; font-weight: 600; white-space: nowrap; overflow: hidden; }
.wb-projector .wb-bar-done { background: #2ea043; }
.wb-projector .wb-bar-started { background: #b07d12; }
.wb-projector .wb-bar-not_started { background: #6e7781; }
.wb-projector .wb-legend { display: flex; flex-wrap: wrap; gap: 0.2em 1.5em; font-size: 0.8em; margin-top: 0.4em; }
.wb-projector .wb-legend i { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px;
  margin-right: 0.3em; vertical-align: -0.1em; }
.wb-projector .wb-projector-updated { font-size: 0.7em; opacity: 0.75; margin: 0.4em 0 0; }
.wb-app .wb-projector .jupyter-button { font-size: 16px; height: auto; padding: 4px 16px; }
/* A phone shows the code too: it must fit the width. */
@media (max-width: 600px) { .wb-projector .wb-projector-code { font-size: 8.5vw; } }
/* The coach's comments in the candidate's workspace: marked as the coach's, new ones stand out. */
.wb-app .wb-comments { border-left: 4px solid #8250df; background: rgba(130, 80, 223, 0.08); padding: 4px 10px;
  margin: 6px 0; border-radius: 4px; }
.wb-app .wb-comments summary { cursor: pointer; font-weight: 600; }
.wb-app .wb-comment { margin: 6px 0; }
.wb-app .wb-comment-meta { font-size: 0.85em; opacity: 0.8; }
.wb-app .wb-comment-body { white-space: pre-wrap; }
.wb-app .wb-new { display: inline-block; padding: 0 6px; border-radius: 8px; background: #8250df; color: #fff;
  font-size: 0.8em; font-weight: 600; margin-left: 4px; }
.wb-app .wb-comments-unread { font-weight: 600; color: #8250df; }
</style>
"""


def download_link(filename: str, content: bytes, mime: str, label: str) -> str:
    """An HTML link that saves ``content`` as ``filename`` in the browser.

    A data URI needs no server route, so it works the same in Voilà, JupyterLab and
    behind a proxy; the files offered here (cue card, email) are a few kilobytes.
    """
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="wb-download" download="{escape(filename)}" '
        f'href="data:{mime};base64,{payload}">⬇ {escape(label)}</a>'
    )


def safe_filename(text: str, fallback: str = "workbook") -> str:
    """A file name from user text: letters, digits and dashes only."""
    cleaned = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_").lower()
    return cleaned[:60] or fallback


def close_tree(widget: object) -> None:
    """Close a widget and everything inside it.

    A widget that is only dropped from a box stays alive in the kernel and in the
    page; a dashboard that redraws a step on every click would grow without end.
    """
    for child in getattr(widget, "children", ()):
        close_tree(child)
    # Layout and style are widgets of their own, with their own comm.
    for part in ("layout", "style"):
        inner = getattr(widget, part, None)
        if inner is not None and hasattr(inner, "close"):
            inner.close()
    close = getattr(widget, "close", None)
    if close is not None:
        close()


def replace_children(box: object, children: Sequence[object]) -> None:
    """Give ``box`` new children and close the ones that are gone."""
    keep = {id(child) for child in children}
    old = list(getattr(box, "children", ()))
    box.children = list(children)  # type: ignore[attr-defined]
    for child in old:
        if id(child) not in keep:
            close_tree(child)
