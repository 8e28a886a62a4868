"""The browser/server harness of ``tests/``, ``benchmarks/`` and ``stress/``, written once.

Not part of the installed package (the wheel carries only ``workbook``). Import the
module you need (``harness.chromium``, ``harness.ports``, ``harness.served``,
``harness.stats``, ``harness.writers``): nothing is re-exported here, so that taking
a free port does not import Playwright or the store.
"""

__all__: list[str] = []
