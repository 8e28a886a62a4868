"""The frame every report is printed in: print CSS, headings, tables, images."""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from typing import Final

__all__ = ["escape", "image", "page", "section", "table"]

_CSS: Final = """
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.4;
       max-width: 190mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
p, li { margin: 1mm 0; }
.meta { color: #444; margin-bottom: 4mm; }
.note { color: #444; font-size: 9pt; }
.tip { color: #555; font-size: 9pt; margin-left: 4mm; }
.warning { color: #8a4b00; font-size: 9pt; margin-left: 4mm; }
.coach { border-left: 3px solid #1f6feb; padding-left: 3mm; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
td.num { text-align: right; }
img { max-width: 100%; height: auto; }
.interview { break-before: page; }
.interview:first-of-type { break-before: auto; }
h2, h3, tr, img, .coach { break-inside: avoid; }
h2, h3 { break-after: avoid; }
@media screen { body { padding: 8mm; } }
"""


def escape(text: object) -> str:
    """User text as HTML text: never markup."""
    return html.escape("" if text is None else str(text), quote=True)


def page(title: str, body: str, lang: str) -> str:
    """A whole, self-contained HTML document (no scripts, nothing fetched)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        "style-src 'unsafe-inline'\">"
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def section(heading: str, *parts: str, level: int = 2, css: str = "") -> str:
    """A heading and what belongs under it (already HTML)."""
    classes = f' class="{css}"' if css else ""
    return f"<section{classes}><h{level}>{escape(heading)}</h{level}>{''.join(parts)}</section>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, numeric: Sequence[int] = ()) -> str:
    """A table of plain values (each escaped); columns in ``numeric`` align right."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{escape(v)}</td>' if i in numeric else f"<td>{escape(v)}</td>" for i, v in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def image(png: bytes, alt: str) -> str:
    """A chart embedded in the page (a data URI: the report stays one file)."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
