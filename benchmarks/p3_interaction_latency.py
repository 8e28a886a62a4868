"""P3 interaction latency: click -> feedback visible, dashboard vs trivial notebook.

Two pages stay open side by side (one per server, same Voilà settings) and the
interactions alternate between them. Each is timed inside the page, on the page's
own clock: from the click until a MutationObserver sees the answer in the DOM, so no
Playwright polling interval is in the figure.

- dashboard: on the closing-questions step, click a catalogue question's "Zet in je
  plan" button until the question is in the plan with its feedback (a save, the plan
  feedback, the catalogue redrawn). Untimed, its trash button then takes it out again.
  Detail (not in the summary): typing an own question until its check feedback shows.
- trivial: click the Button until the Label shows the new text.

Each timed interaction follows a think time of 200 ms (see ``THINK_MS``).
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from harness.stats import median

from .common import (
    DASHBOARD_INPUT,
    ROUNDS,
    TIMEOUT_MS,
    TRIVIAL_INPUT,
    Server,
    chromium,
    describe,
    interleave,
    load_page,
    print_header,
    servers,
    summary_line,
)

TARGET = 2.0
WARMUP = 2
# Think time before every timed interaction, the same on both pages. A person does
# not click again within 200 ms; and back-to-back messages measure something else:
# a click sent less than ~50 ms after the previous answer waits ~45 ms on the way
# (measured on the trivial page: 43-48 ms back to back, 3-5 ms with a 50-500 ms gap),
# the same on both pages but it would turn every figure into that constant.
THINK_MS = 200

_CLICK_ADD = r"""
async () => {
  const ex = document.querySelector('.wb-step-questions');
  const before = ex.querySelectorAll('.wb-question').length;
  const button = [...ex.querySelectorAll('.wb-catalogue button')]
    .find(b => !b.disabled && b.textContent.includes('Zet in je plan'));
  if (!button) throw new Error('no catalogue question left to add');
  return await new Promise((resolve) => {
    const shown = () => {
      const rows = ex.querySelectorAll('.wb-question');
      if (rows.length !== before + 1) return false;
      const feedback = rows[before].querySelector('.wb-question-feedback');
      const text = rows[before].querySelector('.wb-question-text input');
      return !!(feedback && feedback.textContent.trim() && text && text.value);
    };
    let t0;
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(ex, {subtree: true, childList: true, attributes: true, characterData: true});
    t0 = performance.now();
    button.click();
  });
}
"""

_REMOVE_LAST = r"""
async () => {
  const ex = document.querySelector('.wb-step-questions');
  const rows = ex.querySelectorAll('.wb-question');
  const buttons = rows[rows.length - 1].querySelectorAll('button');
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (ex.querySelectorAll('.wb-question').length === rows.length - 1) { observer.disconnect(); resolve(); }
    });
    observer.observe(ex, {subtree: true, childList: true});
    buttons[buttons.length - 1].click();  // the trash button
  });
}
"""

_TYPE_OWN = r"""
async (text) => {
  const ex = document.querySelector('.wb-step-questions');
  const area = ex.querySelector('.wb-own-question textarea');
  const feedback = ex.querySelector('.wb-own-question').nextElementSibling;
  const before = feedback.innerHTML;
  return await new Promise((resolve) => {
    let t0;
    const observer = new MutationObserver(() => {
      if (feedback.innerHTML !== before && feedback.textContent.trim()) {
        observer.disconnect(); resolve(performance.now() - t0);
      }
    });
    observer.observe(feedback, {subtree: true, childList: true, characterData: true});
    t0 = performance.now();
    area.value = text;
    area.dispatchEvent(new Event('input', {bubbles: true}));
  });
}
"""

_CLICK_TRIVIAL = r"""
async () => {
  const label = document.querySelector('.bench-label');
  const before = label.textContent;
  return await new Promise((resolve) => {
    let t0;
    const observer = new MutationObserver(() => {
      if (label.textContent !== before) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(label, {subtree: true, childList: true, characterData: true, attributes: true});
    t0 = performance.now();
    document.querySelector('.bench-button button, button.bench-button').click();
  });
}
"""

# Questions whose check feedback differs, so every change of text shows a new one.
_OWN = ("Hoeveel ga ik verdienen, nummer {n}?", "Wat is de volgende stap in de procedure, nummer {n}?")


def _dashboard_page(browser: Browser, server: Server) -> Page:
    """A candidate with one interview, signed in through the page, on step 1."""
    from workbook.model import Candidate, Interview
    from workbook.store import Database

    db = Database.open(server.db_url)
    try:
        person = Candidate(name="Bench Kandidaat")
        code = db.accounts.create_candidate(person)
        db.for_candidate(person.id).save(Interview(candidate_id=person.id, employer="Bench BV", role="Tester"))
    finally:
        db.close()
    _, context = load_page(browser, server, DASHBOARD_INPUT, keep=True)
    page = context.pages[0]
    field = page.get_by_label("Je persoonlijke code", exact=True)
    field.fill(code)
    field.press("Tab")
    page.get_by_role("button", name="Verder", exact=True).click()
    page.locator(".wb-step-questions .wb-catalogue button").first.wait_for(timeout=TIMEOUT_MS)
    return page


def main() -> str:
    print_header("P3 interaction latency (click -> feedback in the browser)")
    with servers() as (dashboard, trivial), chromium() as browser:
        page_a = _dashboard_page(browser, dashboard)
        _, context_b = load_page(browser, trivial, TRIVIAL_INPUT, keep=True)
        page_b = context_b.pages[0]

        def add(_: int) -> float:
            page_a.wait_for_timeout(THINK_MS)
            took = float(page_a.evaluate(_CLICK_ADD)) / 1000.0
            page_a.evaluate(_REMOVE_LAST)
            return took

        def click(_: int) -> float:
            page_b.wait_for_timeout(THINK_MS)
            return float(page_b.evaluate(_CLICK_TRIVIAL)) / 1000.0

        def type_own(n: int) -> float:
            page_a.wait_for_timeout(THINK_MS)
            return float(page_a.evaluate(_TYPE_OWN, _OWN[n % 2].format(n=n))) / 1000.0

        for n in range(WARMUP):  # the first messages of a page warm up both sides
            add(n), click(n), type_own(n)
        add_a, click_b = interleave(ROUNDS, add, click)
        type_a, click_b2 = interleave(ROUNDS, lambda n: type_own(n + WARMUP), click)
    print(describe("dashboard: add catalogue question -> in plan with feedback", add_a))
    print(describe("trivial: button -> label                                  ", click_b))
    print(describe("dashboard: type own question -> check feedback (detail)   ", type_a))
    print(describe("trivial: button -> label (interleaved with the typing)    ", click_b2))
    print(f"  typing ratio (detail): {median(type_a) / median(click_b2):.2f}x")
    return summary_line(3, "interaction latency", median(add_a) / median(click_b), TARGET)


if __name__ == "__main__":
    main()
