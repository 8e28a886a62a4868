"""``python -m workbook.voila``: Voilà with the workbook's template on the Jupyter path.

A launcher rather than an environment variable set by ``workbook serve``: every
caller of :func:`workbook.cli.voila_command` (the tests, the benchmarks) then gets
the same pages, and it works the same on every operating system.
"""

from __future__ import annotations

import os

from workbook.voila import jupyter_path_with_template

if __name__ == "__main__":
    # Voilà reads the Jupyter path when it looks the template up, after this.
    os.environ["JUPYTER_PATH"] = jupyter_path_with_template(os.environ.get("JUPYTER_PATH"))
    from voila.app import main

    main()
