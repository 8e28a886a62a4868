"""Charts rendered on the server as PNG, so they look the same in every browser.

matplotlib is imported inside the functions: it is heavy, and the first paint of the
dashboard does not need it.
"""

from __future__ import annotations

import io

import pandas as pd

from workbook.texts import format_day_month

__all__ = ["bar_chart_png", "scores_over_time_png"]


def scores_over_time_png(
    frame: pd.DataFrame, *, labels: dict[str, str], ylabel: str, lang: str = "nl", dark: bool = False
) -> bytes:
    """A line chart of mean scores per interview (``analysis.scores_over_time``).

    ``labels`` maps the scorer (``self``, ``coach``) to its legend text; each tick is the
    interview's day and month as ``lang`` writes them, above the employer.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    style = "dark_background" if dark else "default"
    with plt.style.context(style):
        figure, axes = plt.subplots(figsize=(8, 3.2), dpi=100)
        for scorer, group in frame.groupby("scorer", observed=True, sort=True):
            ticks = [
                f"{format_day_month(d, lang)}\n{e[:18]}" for d, e in zip(group["date"], group["employer"], strict=True)
            ]
            axes.plot(ticks, group["mean"], marker="o", linewidth=2, label=labels.get(str(scorer), str(scorer)))
        axes.set_ylim(0.8, 5.2)
        axes.set_yticks([1, 2, 3, 4, 5])
        axes.set_ylabel(ylabel)
        axes.grid(axis="y", alpha=0.3)
        axes.legend(loc="lower right", frameon=False)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        plt.close(figure)
    return buffer.getvalue()


def bar_chart_png(
    labels: list[str],
    values: list[float],
    *,
    xlabel: str,
    counts: list[int] | None = None,
    limits: tuple[float, float] | None = None,
    dark: bool = False,
) -> bytes:
    """A horizontal bar chart; ``counts`` (n per bar) are written beside the bars so
    nobody over-reads a share computed from three interviews."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    height = max(2.0, 0.38 * len(labels) + 0.8)
    with plt.style.context("dark_background" if dark else "default"):
        figure, axes = plt.subplots(figsize=(8, height), dpi=100)
        positions = list(range(len(labels)))
        axes.barh(positions, values, color="#388bfd")
        axes.set_yticks(positions, labels=[label[:48] for label in labels])
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        if limits:
            axes.set_xlim(*limits)
        if counts is not None:
            for position, value, count in zip(positions, values, counts, strict=True):
                axes.annotate(f" n={count}", (value if value == value else 0, position), va="center", fontsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.grid(axis="x", alpha=0.3)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        plt.close(figure)
    return buffer.getvalue()
