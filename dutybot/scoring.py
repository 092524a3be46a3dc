"""Per-field accuracy of parsed reports against a corpus (REPORTS.md, Scoring).

The same field definitions as the corpus's own scorer, so the project can measure itself
without it:
- ``is_report``: every message; right when output and expected are both empty or both not;
- ``site``, ``date``, ``staff`` (as a set), ``found_total``, ``resolved_total``, ``categories``
  (the set of found categories): only messages with expected reports. Reports are paired by
  site, then in order; a message is right for a field when it has as many reports as expected
  and every pair agrees.
A message missing from the outputs is wrong for every field. ``mean`` is the mean of the
field accuracies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FIELDS = ("is_report", "site", "date", "staff", "found_total", "resolved_total", "categories")

Report = Mapping[str, Any]


def field_value(report: Report, name: str) -> Any:
    if name in ("site", "date"):
        return report.get(name)
    if name == "staff":
        return frozenset(str(s).strip() for s in report.get("staff") or [])
    if name in ("found_total", "resolved_total"):
        items = "found" if name == "found_total" else "resolved"
        value = report.get(name)
        if value is None:
            value = sum(x.get("count", 1) for x in report.get(items) or [] if isinstance(x, dict))
        return value
    if name == "categories":
        return frozenset(
            x.get("category") for x in report.get("found") or [] if isinstance(x, dict)
        )
    raise ValueError(name)


def pair_reports(expected: Sequence[Report], output: Sequence[Report]) -> list[int | None]:
    """For each expected report, the index of its output partner: same site first, then order."""
    free = list(range(len(output)))
    partner: list[int | None] = [None] * len(expected)
    for i, wanted in enumerate(expected):
        for j in free:
            if output[j].get("site") == wanted.get("site"):
                partner[i] = j
                free.remove(j)
                break
    for i in range(len(expected)):
        if partner[i] is None and free:
            partner[i] = free.pop(0)
    return partner


def score_details(
    corpus_rows: Iterable[Mapping[str, Any]], outputs: Mapping[str, Sequence[Report]]
) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Accuracies per field (plus ``mean``) and, per field, the ids that were wrong."""
    right: dict[str, int] = dict.fromkeys(FIELDS, 0)
    counted: dict[str, int] = dict.fromkeys(FIELDS, 0)
    wrong: dict[str, list[str]] = {f: [] for f in FIELDS}

    def mark(name: str, ok: bool, message_id: str) -> None:
        counted[name] += 1
        if ok:
            right[name] += 1
        else:
            wrong[name].append(message_id)

    for row in corpus_rows:
        message_id = row["id"]
        expected = row["expected"]["reports"]
        output = outputs.get(message_id)
        mark("is_report", output is not None and bool(output) == bool(expected), message_id)
        if not expected:
            continue
        if output is None or len(output) != len(expected):
            for name in FIELDS[1:]:
                mark(name, False, message_id)
            continue
        partner = pair_reports(expected, output)
        for name in FIELDS[1:]:
            ok = all(
                j is not None and field_value(e, name) == field_value(output[j], name)
                for e, j in zip(expected, partner, strict=True)
            )
            mark(name, ok, message_id)

    result = {name: right[name] / counted[name] for name in FIELDS if counted[name]}
    result["mean"] = sum(result.values()) / len(result) if result else 0.0
    return result, wrong


def score(
    corpus_rows: Iterable[Mapping[str, Any]], outputs: Mapping[str, Sequence[Report]]
) -> dict[str, float]:
    """Accuracy per field and their ``mean``; ``outputs`` maps a message id to its reports."""
    return score_details(corpus_rows, outputs)[0]
