"""P1 time to interactive: the dashboard vs a trivial one-widget notebook.

Both served by Voilà with the command line of ``workbook serve`` (preheated pool of
one), both kept up while the loads alternate. Each load is a first visit (a fresh
browser context) that gets a fresh preheated kernel: before every load the server's
pool must hold an unused kernel that has finished running its notebook, the same
condition for both. Time to interactive is read on the page's own clock, from the
start of navigation until the text field (the dashboard's sign-in name, the
trivial notebook's Text) exists, is enabled and visible; then typing into it is
checked (the field shows what was typed).
"""

from __future__ import annotations

from harness.stats import median

from .common import ROUNDS, alternating_loads, describe, print_header, summary_line

TARGET = 1.3


def main() -> str:
    print_header("P1 time to interactive (Playwright + Chromium, preheated pool of 1)")
    loads_a, loads_b = alternating_loads(ROUNDS)
    tti_a = [load.tti for load in loads_a]
    tti_b = [load.tti for load in loads_b]
    print(describe("dashboard (sign-in name field)", tti_a))
    print(describe("trivial notebook (Text)      ", tti_b))
    pairs = sorted(a / b for a, b in zip(tti_a, tti_b, strict=True))
    print(f"  per-pair ratios: {', '.join(f'{r:.2f}' for r in pairs)}")
    return summary_line(1, "time to interactive", median(tti_a) / median(tti_b), TARGET)


if __name__ == "__main__":
    main()
