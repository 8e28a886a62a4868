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
.wb-app .wb-column-heads { display: flex; gap: 4px; font-size: 0.9em; opacity: 0.8; }
.wb-app .wb-column-heads span { flex: 1 1 0; }
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
