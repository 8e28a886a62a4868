"""The workbook's data for people who do not code: one sheet per subject, in their language.

Pure pandas, from the store's typed tables to :class:`Sheet` objects: names instead of
ids, labels instead of codes, one row per thing a person would count (an interview, a
question, a score). How a value is shown (a date, a percentage, yes or no) is said per
column, so the Excel and the CSV writers show it the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from workbook import guidance
from workbook.texts import format_date, t

__all__ = [
    "Kind",
    "Sheet",
    "about_sheet",
    "candidate_names",
    "coach_sheets",
    "code_label",
    "people_sheets",
    "rubric_labels",
]

Kind = Literal["text", "date", "integer", "number", "percent", "yesno"]


@dataclass(frozen=True)
class Sheet:
    """One subject: its rows, its column kinds, and its title and headers in ``lang``."""

    key: str
    frame: pd.DataFrame
    kinds: Mapping[str, Kind]
    lang: str

    @property
    def title(self) -> str:
        return t(f"export_sheet.{self.key}", self.lang)[:31]

    def header(self, column: str) -> str:
        return t(f"export_column.{column}", self.lang)


Tables = Mapping[str, pd.DataFrame]


def candidate_names(candidates: pd.DataFrame) -> pd.Series:
    """Each candidate's name as people tell them apart: "Sanne de Vries (2)" for the
    second with that name (by sign-up), by candidate id."""
    ordered = candidates.sort_values(["name", "created_at"])
    number = ordered.groupby("name", sort=False).cumcount() + 1
    repeated = ordered["name"].map(ordered["name"].value_counts()) > 1
    shown = ordered["name"].astype(str).where(~repeated, ordered["name"].astype(str) + " (" + number.astype(str) + ")")
    return pd.Series(shown.to_numpy(), index=ordered["id"].astype(str).to_numpy(), dtype="string")


def code_label(section: str, value: object, lang: str) -> str:
    """The label of a stored code (``round``/``selection`` -> "Selectiegesprek"); the
    value itself where no label exists, "" for a missing value."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    try:
        return t(f"{section}.{value}", lang)
    except KeyError:
        return str(value)


def _labels(section: str, lang: str) -> Callable[[object], str]:
    return lambda value: code_label(section, value, lang)


def _dates(values: pd.Series) -> pd.Series:
    # Real dates (not timestamps at midnight): Excel shows them as dates, CSV as the day.
    return values.map(lambda v: None if pd.isna(v) else pd.Timestamp(v).date()).astype(object)


def _yes_no(values: pd.Series, lang: str) -> pd.Series:
    yes, no = t("export_value.yes", lang), t("export_value.no", lang)
    return values.map(lambda v: "" if pd.isna(v) else (yes if bool(v) else no)).astype(object)


def _interview_context(tables: Tables, names: pd.Series) -> pd.DataFrame:
    """Per interview id: who, where and when, the columns every per-interview sheet starts with."""
    interviews = tables["interviews"]
    return pd.DataFrame(
        {
            "interview_id": interviews["id"].astype(str),
            "candidate": interviews["candidate_id"].astype(str).map(names).astype(object),
            "employer": interviews["employer"].astype(object),
            "date": _dates(interviews["date"]),
        }
    )


def _with_context(frame: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    joined = frame.assign(interview_id=frame["interview_id"].astype(str)).merge(context, on="interview_id", how="inner")
    return joined.sort_values(["candidate", "date", "employer"], kind="stable")


def _interviews(tables: Tables, names: pd.Series, lang: str, progress: pd.DataFrame | None) -> Sheet:
    interviews = tables["interviews"]
    people = tables["interviewers"].sort_values("position")
    who = people.groupby("interview_id", sort=False)["name"].agg(lambda s: ", ".join(map(str, s)))
    frame = pd.DataFrame(
        {
            "candidate": interviews["candidate_id"].astype(str).map(names).astype(object),
            "employer": interviews["employer"].astype(object),
            "role": interviews["role"].astype(object),
            "round": interviews["round"].map(_labels("round", lang)).astype(object),
            "date": _dates(interviews["date"]),
            "time": interviews["time"].map(lambda v: v.strftime("%H:%M") if v else "").astype(object),
            "interviewers": interviews["id"].map(who).astype(object).fillna(""),
            "outcome": interviews["outcome"].map(_labels("outcomes", lang)).astype(object),
        }
    )
    kinds: dict[str, Kind] = {"date": "date"}
    if progress is not None:
        done = (progress == "done").sum(axis=1) / len(progress.columns)
        frame["steps_done_share"] = interviews["id"].map(done).astype(float).to_numpy()
        kinds["steps_done_share"] = "percent"
    frame = frame.sort_values(["candidate", "date", "employer"], kind="stable")
    return Sheet("interviews", frame.reset_index(drop=True), kinds, lang)


def _questions(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    from workbook.checks import check_question  # the check the candidate saw, once per text and round

    questions = tables["questions"]
    rounds = tables["interviews"].set_index("id")["round"]
    seen: dict[tuple[str, str], str] = {}

    def feedback(text: str, round_: str) -> str:
        key = (text, round_)
        if key not in seen:
            found = check_question(text, lang=lang, round=round_)
            seen[key] = " · ".join(f.message for f in found if f.level != "ok")
        return seen[key]

    round_of = questions["interview_id"].map(rounds).astype(str)
    frame = pd.DataFrame(
        {
            "interview_id": questions["interview_id"],
            "position": questions["position"].astype("Int64") + 1,
            "question": questions["text"].astype(object),
            "from_list": questions["source"] == "catalogue",
            "asked": questions["asked"],
            "feedback": [feedback(str(q), r) for q, r in zip(questions["text"], round_of, strict=True)],
        }
    )
    frame = _with_context(frame, context).sort_values(["candidate", "date", "employer", "position"], kind="stable")
    frame["from_list"] = _yes_no(frame["from_list"], lang)
    frame["asked"] = _yes_no(frame["asked"], lang)
    columns = ["candidate", "employer", "date", "position", "question", "from_list", "asked", "feedback"]
    return Sheet("questions", frame[columns].reset_index(drop=True), {"date": "date", "position": "integer"}, lang)


def rubric_labels(tables: Tables, lang: str) -> dict[str, tuple[str, str]]:
    """Rubric item key -> (label, phase label), built-in items first (in rubric order),
    then the workshops' own of ``tables``."""
    labels = {item.key: (item.label.get(lang), t(f"phase.{item.phase}", lang)) for item in guidance.rubric()}
    own = tables.get("workshop_rubric_items")
    if own is not None:
        for key, label, phase in zip(own["key"], own["label"], own["phase"], strict=True):
            labels[str(key)] = (str(label), code_label("phase", phase, lang))
    return labels


def _scores(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    reflections = tables["reflections"][["id", "interview_id", "scorer"]].rename(columns={"id": "reflection_id"})
    scores = tables["reflection_scores"][["reflection_id", "item", "score"]].merge(reflections, on="reflection_id")
    wide = scores.pivot_table(
        index=["interview_id", "item"], columns="scorer", values="score", aggfunc="first", observed=True
    )
    wide = wide.reindex(columns=["self", "coach"]).reset_index()
    labels = rubric_labels(tables, lang)
    order = {key: i for i, key in enumerate(labels)}
    frame = pd.DataFrame(
        {
            "interview_id": wide["interview_id"],
            "phase": wide["item"].map(lambda k: labels.get(str(k), ("", ""))[1]).astype(object),
            "item": wide["item"].map(lambda k: labels.get(str(k), (str(k), ""))[0]).astype(object),
            "self_score": wide["self"].astype("Int64"),
            "coach_score": wide["coach"].astype("Int64"),
            "_order": wide["item"].map(lambda k: order.get(str(k), len(order))),
        }
    )
    frame = _with_context(frame, context).sort_values(["candidate", "date", "employer", "_order"], kind="stable")
    columns = ["candidate", "employer", "date", "phase", "item", "self_score", "coach_score"]
    kinds: dict[str, Kind] = {"date": "date", "self_score": "integer", "coach_score": "integer"}
    return Sheet("scores", frame[columns].reset_index(drop=True), kinds, lang)


def _reflections(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    own = tables["reflections"]
    own = own[own["scorer"] == "self"]
    asked = {q.key: q.text.get(lang) for q in guidance.reflection_questions()}
    asked.update({q.key: q.text.get(lang) for q in guidance.gut_questions()})
    gut = _labels("gut", lang)
    rows = []
    for interview_id, answers, cont, dream in zip(
        own["interview_id"], own["answers"], own["gut_continue"], own["gut_dream_job"], strict=True
    ):
        for key, answer in dict(answers or {}).items():
            if str(answer).strip():
                rows.append((interview_id, asked.get(key, key), answer))
        for key, value in (("gut_continue", cont), ("gut_dream_job", dream)):
            if not pd.isna(value):
                rows.append((interview_id, asked.get(key, key), gut(value)))
    frame = pd.DataFrame(rows, columns=["interview_id", "reflection_question", "answer"])
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "reflection_question", "answer"]
    return Sheet("reflections", frame[columns].reset_index(drop=True), {"date": "date"}, lang)


def _statements(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    statements = tables["statements"][["interview_id", "appeal", "plan_steps", "text"]]
    farewells = tables["farewells"][["interview_id", "thanks", "phrase"]]
    frame = statements.merge(farewells, on="interview_id", how="outer")
    frame["plan_steps"] = frame["plan_steps"].map(
        lambda steps: "\n".join(f"{i}. {s}" for i, s in enumerate(steps, start=1)) if isinstance(steps, list) else ""
    )
    frame = frame.rename(columns={"text": "statement", "phrase": "goodbye"}).fillna("")
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "appeal", "plan_steps", "statement", "thanks", "goodbye"]
    return Sheet("statements", frame[columns].reset_index(drop=True), {"date": "date"}, lang)


def _notes(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    notes = tables["notes"][["interview_id", "kind", "text"]].copy()
    notes["note_kind"] = notes["kind"].map(_labels("export_value", lang)).astype(object)
    summaries = tables["summaries"]
    parts = [notes[["interview_id", "note_kind", "text"]]]
    for column in ("key_points", "their_questions", "promised", "interviewer_names"):
        part = summaries[["interview_id", column]].rename(columns={column: "text"})
        parts.append(part.assign(note_kind=t(f"notes.{column}", lang)))
    frame = pd.concat(parts, ignore_index=True)
    frame = frame[frame["text"].fillna("").astype(str).str.strip() != ""]
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "note_kind", "text"]
    return Sheet("notes", frame[columns].reset_index(drop=True), {"date": "date"}, lang)


def _emails(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    from workbook.workdays import next_working_day

    emails = tables["emails"]
    days = dict(zip(tables["interviews"]["id"], _dates(tables["interviews"]["date"]), strict=True))
    # G26: the next working day after the interview is on time.
    due = [next_working_day(days[i]) if days.get(i) else None for i in emails["interview_id"]]
    sent = _dates(emails["sent_on"]).tolist()
    on_time = pd.Series(
        [pd.NA if s is None or d is None else s <= d for s, d in zip(sent, due, strict=True)], dtype="boolean"
    )
    frame = pd.DataFrame(
        {
            "interview_id": emails["interview_id"],
            "recipients": emails["recipients"]
            .map(lambda r: ", ".join(r) if isinstance(r, list) else "")
            .astype(object),
            "subject": emails["subject"].astype(object),
            "send_on": _dates(emails["send_on"]),
            "sent_on": _dates(emails["sent_on"]),
            "on_time": _yes_no(on_time, lang).to_numpy(),
        }
    )
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "recipients", "subject", "send_on", "sent_on", "on_time"]
    kinds: dict[str, Kind] = {"date": "date", "send_on": "date", "sent_on": "date"}
    return Sheet("emails", frame[columns].reset_index(drop=True), kinds, lang)


def _promises(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    promises = tables["promises"]
    frame = pd.DataFrame(
        {
            "interview_id": promises["interview_id"],
            "what": promises["what"].astype(object),
            "to_whom": promises["to_whom"].astype(object),
            "promised_on": _dates(promises["promised_on"]),
            "due_on": _dates(promises["due_on"]),
            "status": promises["status"].map(_labels("promise_status", lang)).astype(object),
            "sent_on": _dates(promises["sent_on"]),
        }
    )
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "what", "to_whom", "promised_on", "due_on", "status", "sent_on"]
    kinds: dict[str, Kind] = {c: "date" for c in ("date", "promised_on", "due_on", "sent_on")}
    return Sheet("promises", frame[columns].reset_index(drop=True), kinds, lang)


def _comments(tables: Tables, context: pd.DataFrame, lang: str) -> Sheet:
    comments = tables.get("coach_comments")
    if comments is None:
        comments = pd.DataFrame(columns=["interview_id", "item", "text", "created_at", "read_at"])
    labels = {key: label for key, (label, _phase) in rubric_labels(tables, lang).items()}
    whole = t("export_column.whole_interview", lang)
    frame = pd.DataFrame(
        {
            "interview_id": comments["interview_id"],
            "item": comments["item"].map(lambda k: labels.get(str(k), str(k)) if str(k) else whole).astype(object),
            "comment": comments["text"].astype(object),
            "written_on": _dates(comments["created_at"]),
            "read_on": _dates(comments["read_at"]),
        }
    )
    frame = _with_context(frame, context)
    columns = ["candidate", "employer", "date", "item", "comment", "written_on", "read_on"]
    kinds: dict[str, Kind] = {"date": "date", "written_on": "date", "read_on": "date"}
    return Sheet("comments", frame[columns].reset_index(drop=True), kinds, lang)


_ROSTER_KINDS: Final[dict[str, Kind]] = {
    "interviews": "integer",
    "latest_date": "date",
    "steps_done": "integer",
    "steps_started": "integer",
    "steps_open": "integer",
    "last_activity": "date",
    "self_mean": "number",
    "coach_mean": "number",
    "warnings": "integer",
}


def _roster(roster: pd.DataFrame, names: pd.Series, lang: str) -> Sheet:
    frame = pd.DataFrame({"candidate": roster["candidate_id"].astype(str).map(names).astype(object)})
    for column, kind in _ROSTER_KINDS.items():
        frame[column] = _dates(roster[column]) if kind == "date" else roster[column].to_numpy()
    frame["no_interview"] = _yes_no(roster["no_interview"], lang).to_numpy()
    frame["inactive"] = _yes_no(roster["inactive"], lang).to_numpy()
    return Sheet("roster", frame.reset_index(drop=True), _ROSTER_KINDS, lang)


def people_sheets(
    tables: Tables,
    lang: str,
    *,
    roster: pd.DataFrame | None = None,
    progress: pd.DataFrame | None = None,
) -> list[Sheet]:
    """The sheets of an export for people, in ``lang``, from the store's tables.

    Parameters
    ----------
    roster
        :func:`workbook.analysis.roster` of ``tables``: adds the one-row-per-candidate
        sheet first (a coach's export; a candidate's own has none).
    progress
        :func:`workbook.analysis.step_progress` of ``tables``: adds the share of steps
        done to each interview.
    """
    names = candidate_names(tables["candidates"])
    context = _interview_context(tables, names)
    sheets = [] if roster is None else [_roster(roster, names, lang)]
    sheets.append(_interviews(tables, names, lang, progress))
    for make in (_questions, _scores, _reflections, _statements, _notes, _emails, _promises, _comments):
        sheets.append(make(tables, context, lang))
    return sheets


def coach_sheets(tables: Tables, lang: str) -> list[Sheet]:
    """A coach's export for people: the roster first, then every subject."""
    from workbook import analysis

    progress = analysis.step_progress(tables)
    return people_sheets(tables, lang, roster=analysis.roster(tables), progress=progress)


def about_sheet(lang: str, *, name: str, code: str | None = None, made_on: dt.date | None = None) -> Sheet:
    """A first sheet saying whose file this is, when it was made and, for a candidate's
    own download, their personal code (so the file also keeps the way back to their work)."""
    from workbook import clock

    rows = [
        (t("export_value.name", lang), name),
        (t("export_value.made_on", lang), format_date(made_on or clock.now().date(), lang)),
    ]
    if code:
        rows.append((t("export_value.code", lang), code))
    frame = pd.DataFrame(rows, columns=["field", "value"])
    return Sheet("about", frame, {}, lang)
