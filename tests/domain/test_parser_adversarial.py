"""The messages made to be slow (bench/adversarial.py) and random mixes of report pieces: the
parser never raises on them and every report's totals agree with its items. How fast it reads
them is the benchmark's business (``python -m bench --only parser``), not a test's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.adversarial import PIECES, SEPARATORS, adversarial_messages
from dutybot.report_parser import _parse

from .support import at
from .test_parser_properties import check_invariants

SENT = at("2026-11-25 09:30")


def test_every_adversarial_message_parses(unit_a):
    count = 0
    for label, text in adversarial_messages(unit_a, size=600):
        count += 1
        try:
            check_invariants(_parse(text, SENT, unit_a))
        except Exception as error:  # name the message that broke it
            raise AssertionError(label) from error
    assert count > 500


def test_the_security_review_cases(unit_a):
    reports = _parse("玄帝庙街值班：" + "一起" * 20 + "X清理垃圾", SENT, unit_a)
    assert len(reports) <= 1
    check_invariants(reports)
    # The spaces change nothing about what the message says.
    [report] = _parse("玄帝庙街" + " " * 1000 + "值班，电动车乱停5辆，已摆放整齐", SENT, unit_a)
    assert report.site == "玄帝庙街（铁北路至车站西路）路西"
    assert (report.found_total, report.resolved_total) == (5, 5)


MIXED = st.lists(st.sampled_from([*PIECES, *SEPARATORS, "玄帝庙街", "王晓明"]), max_size=80).map(
    "".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MIXED)
def test_mixed_pieces_never_raise_and_totals_agree(unit_a, text):
    check_invariants(_parse(text, SENT, unit_a))
