"""Voilà as ``workbook serve`` runs it: with the workbook's own page template.

Voilà's stock ``lab`` template loads Font Awesome from a public CDN, so every page
load would tell a third party who is working, and offline rooms would see an error.
The same Font Awesome 5 (with its version 4 names, ``fa-sign-out`` ...) is already
bundled in Voilà's own ``voila-style.js`` and its fonts in Voilà's static folder, so
the ``workbook`` template only drops those links: every asset comes from this server.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

__all__ = ["JUPYTER_DATA", "TEMPLATE", "jupyter_path_with_template"]

#: The template's name, as ``--template`` takes it.
TEMPLATE: Final = "workbook"

#: A Jupyter data directory of our own: Voilà finds templates by name only, in
#: ``<data dir>/voila/templates/<name>/``, so the template sits in that layout.
JUPYTER_DATA: Final = Path(__file__).resolve().parent / "jupyter"


def jupyter_path_with_template(current: str | None) -> str:
    """``JUPYTER_PATH`` with :data:`JUPYTER_DATA` first, so ``--template=workbook`` is ours."""
    return os.pathsep.join([str(JUPYTER_DATA), *(p for p in (current or "").split(os.pathsep) if p)])
