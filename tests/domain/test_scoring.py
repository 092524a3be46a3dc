from dutybot.scoring import FIELDS, pair_reports, score


def report(site="S", date="2026-11-20", staff=("甲",), found=(("市容秩序", 2),), resolved=1):
    return {
        "site": site,
        "date": date,
        "staff": list(staff),
        "found": [{"category": c, "text": "x", "count": n} for c, n in found],
        "resolved": [{"category": "市容秩序", "text": "x", "count": resolved}] if resolved else [],
        "found_total": sum(n for _, n in found),
        "resolved_total": resolved,
    }


def test_perfect_and_missing_outputs():
    rows = [
        {"id": "1", "expected": {"reports": [report()]}},
        {"id": "2", "expected": {"reports": []}},
    ]
    perfect = score(rows, {"1": [report()], "2": []})
    assert perfect == {**dict.fromkeys(FIELDS, 1.0), "mean": 1.0}
    missing = score(rows, {"2": []})
    assert missing["is_report"] == 0.5
    assert missing["site"] == 0.0
    assert missing["mean"] == (0.5 + 0 * 6) / 7


def test_each_field_is_judged_on_its_own():
    rows = [{"id": "1", "expected": {"reports": [report()]}}]
    result = score(rows, {"1": [report(staff=("甲", "乙"), resolved=2)]})
    assert result["staff"] == 0.0
    assert result["resolved_total"] == 0.0
    assert result["site"] == result["date"] == result["found_total"] == result["categories"] == 1.0


def test_staff_is_a_set_and_totals_fall_back_to_the_item_sums():
    rows = [{"id": "1", "expected": {"reports": [report(staff=("甲", "乙"))]}}]
    out = report(staff=("乙", "甲"))
    del out["found_total"]
    assert score(rows, {"1": [out]})["mean"] == 1.0


def test_reports_pair_by_site_then_in_order():
    expected = [{"site": "A"}, {"site": "B"}, {"site": None}]
    assert pair_reports(expected, [{"site": "B"}, {"site": "X"}, {"site": "A"}]) == [2, 0, 1]
