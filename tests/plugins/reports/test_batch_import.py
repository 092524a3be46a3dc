"""A batched import writes exactly the rows that recording message by message writes: the same
reports, activities, problems (numbers, quantities, states, versions), events, tellings,
check-ins, audit entries and claims, in the same order."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from dutybot.duty_record import Reading, ToldProblem
from dutybot.generate import chat_history
from dutybot.unit import load_unit
from tests.conftest import UNIT_FILE

SHANGHAI = ZoneInfo("Asia/Shanghai")
TABLES = {
    "reports_dailyreport": ("superseded_by_id",),
    "reports_reportactivity": ("report_id",),
    "ledger_problem": ("report_id",),
    "ledger_problemevent": ("problem_id",),
    "ledger_problemtelling": ("problem_id", "report_id"),
    "duty_checkin": (),
    "duty_auditentry": ("subject_id",),
    "duty_processedmessage": (),
}
REFERS_TO = {
    "superseded_by_id": "reports_dailyreport",
    "report_id": "reports_dailyreport",
    "problem_id": "ledger_problem",
    "subject_id": None,  # by the entry's subject
}
FIRST = date(2026, 9, 1)


def at(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def messages() -> list[tuple[datetime, str, int | None, object]]:
    """(sent at, sender, QQ, text or a Reading): a generated month, and the cases around it."""
    unit = load_unit(UNIT_FILE)
    history = [
        (m.sent_at.replace(tzinfo=SHANGHAI), m.sender, m.qq, m.text)
        for m in chat_history(unit, FIRST, days=45, seed=11)
    ]
    d = FIRST + timedelta(days=50)  # a Monday? any day will do: reports are read as sent
    leader, second = "侨务科-周建国", "侨务科-吴婷婷"
    cases = [
        # A partial fix: two rows; then a second member's report of the same duty fixes the
        # rest and counts more of the other problem.
        (
            at(d, 7, 40),
            leader,
            20007,
            "今天凤凰城值班，周建国、吴婷婷到岗，发现电动车乱停放5辆，"
            "已摆放整齐3辆；楼道小广告2处。",
        ),
        (
            at(d, 8, 10),
            second,
            20008,
            "凤凰城值班 吴婷婷 周建国，电动车乱停放5辆已摆放整齐，楼道小广告3处已清理。",
        ),
        # The leader corrects his report: recorded the long way, and the batch goes on after.
        (
            at(d, 8, 30),
            leader,
            20007,
            "今天凤凰城值班，周建国、吴婷婷、郑凯到岗，发现电动车乱停放6辆，"
            "已摆放整齐3辆；楼道小广告2处。",
        ),
        # No site: held; then the same sender's report with the site replaces it.
        (at(d, 9, 0), "秘书科-王晓明", 20001, "今天值班发现电动车乱停放2辆。"),
        (at(d, 9, 5), "秘书科-王晓明", 20001, "玄帝庙街值班 王晓明，发现电动车乱停放2辆。"),
        # Somebody absent (a reading as the parser will give it).
        (
            at(d, 9, 20),
            "秘书科-李娜",
            20002,
            Reading(
                d,
                "玄帝庙街（铁北路至车站西路）路西",
                ("李娜", "赵强"),
                ("王晓明",),
                (ToldProblem("环境卫生", "垃圾桶满溢", 1, 0),),
                (),
            ),
        ),
        # A loose manhole cover told on three duties, the last one fixed; the /问题 of the
        # first day is already in the ledger before the import.
        (
            at(d + timedelta(days=2), 8, 0),
            "秘书科-王晓明",
            20001,
            "玄帝庙街值班 王晓明、赵强，发现井盖松动1个，已通知物业。",
        ),
        (
            at(d + timedelta(days=5), 8, 0),
            "领事科-赵强",
            20003,
            "玄帝庙街值班 赵强，发现井盖松动1个，已通知物业。",
        ),
        (at(d + timedelta(days=7), 8, 0), "领事科-赵强", 20003, "玄帝庙街：井盖松动1个已修复。"),
        # Eight bikes, then the same duty says five were moved: split into 5 resolved, 3 open.
        (at(d + timedelta(days=8), 8, 0), leader, 20007, "凤凰城值班，发现共享单车乱停放8辆。"),
        (
            at(d + timedelta(days=8), 9, 0),
            second,
            20008,
            "凤凰城值班，发现共享单车乱停放8辆，已挪走5辆。",
        ),
        # Told again on the day of a report that was recalled before the import: restored.
        (at(d + timedelta(days=9), 9, 0), second, 20008, "凤凰城值班，楼道小广告4处。"),
        # Held and never answered: no site, and a paste of far too many items.
        (at(d + timedelta(days=9), 9, 30), "出国境科-孙悦", 20006, "今天值班发现楼道小广告3处。"),
        (
            at(d + timedelta(days=9), 9, 40),
            "出国境科-孙悦",
            20006,
            Reading(
                d + timedelta(days=9),
                "玄帝庙街（铁北路至车站西路）路西",
                ("孙悦",),
                (),
                tuple(ToldProblem("市容秩序", f"小广告{i}", 1, 0) for i in range(25)),
                (),
            ),
        ),
        # The same message twice in the file.
        (at(d + timedelta(days=9), 10, 0), second, 20008, "收到"),
        (at(d + timedelta(days=9), 10, 0), second, 20008, "收到"),
    ]
    return history + cases


async def before_the_import() -> None:
    """What the database holds already: a /问题, a /报到, and a recalled report."""
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.duty import service as duty_service
    from plugins.duty import units
    from plugins.duty.model import CheckinSource
    from plugins.ledger import service as ledger_service
    from plugins.reports.model import ReportSource
    from plugins.reports.service import record_report, withdraw_recalled

    [served] = units.all_served()
    street = served.site_id(served.unit.sites[0])
    grid = served.site_id(served.unit.sites[1])
    d = FIRST + timedelta(days=50)
    async with get_session() as session:
        await ledger_service.add_problem(
            session,
            served.unit_id,
            street,
            "基础设施",
            "井盖松动",
            1,
            at(d + timedelta(days=2), 7, 30),
            Source.COMMAND,
            20001,
            "m1",
        )
        [person] = await duty_service.staff_by_names(session, served.unit_id, ["王晓明"])
        await duty_service.record_checkins(
            session,
            served.unit_id,
            street,
            [person],
            d + timedelta(days=2),
            at(d + timedelta(days=2), 7, 25),
            CheckinSource.SELF,
            20001,
            "m2",
        )
        reading = Reading(
            d + timedelta(days=9),
            served.unit.sites[1].name,
            ("吴婷婷",),
            (),
            (ToldProblem("市容秩序", "楼道小广告", 4, 0),),
            (),
        )
        await record_report(
            session,
            served,
            reading,
            raw_text="凤凰城值班，楼道小广告4处。",
            sent_at=at(d + timedelta(days=9), 8, 0),
            source=ReportSource.MESSAGE,
            sender_qq=20008,
            chat="g700000001",
            message_id="m3",
        )
        await withdraw_recalled(
            session, served, "g700000001", "m3", 20008, at(d + timedelta(days=9), 8, 5)
        )
        assert grid
        await session.commit()


def keyed(text: object, sent_at: datetime, sender: str) -> str:
    from dutybot.import_cli import message_key

    return message_key(sent_at, sender, str(text))


def imported(items) -> list:
    from dutybot.import_cli import _sender_qq
    from dutybot.report_parser import parse_message
    from plugins.duty import units
    from plugins.reports.batch import ImportedMessage

    [served] = units.all_served()

    class Header:
        def __init__(self, sender: str, qq: int | None) -> None:
            self.sender, self.qq = sender, qq

    found = {}
    for sent_at, sender, qq, text in items:
        key = keyed(text, sent_at, sender)
        reports = (
            [text]
            if isinstance(text, Reading)
            else parse_message(text, sent_at, served.unit, sender)
        )
        found[key] = ImportedMessage(
            key, sent_at, sender, _sender_qq(served.unit, Header(sender, qq)), str(text), reports
        )
    return list(found.values())


async def one_by_one(batch: list) -> list:
    """Message by message through ``record_report``, as the import did before batches."""
    from nonebot_plugin_orm import get_session

    from dutybot.clock import to_utc_naive
    from plugins.duty import units
    from plugins.duty.model import ProcessedMessage
    from plugins.reports.model import ReportSource
    from plugins.reports.service import record_report

    [served] = units.all_served()
    results = []
    async with get_session() as session:
        for message in batch:
            recorded = []
            for parsed in message.reports:
                recorded.append(
                    await record_report(
                        session,
                        served,
                        parsed,
                        raw_text=message.text,
                        sent_at=message.sent_at,
                        source=ReportSource.IMPORT,
                        sender_qq=message.sender_qq,
                        sender_name=message.sender,
                        chat=f"i{served.unit_id}",
                        message_id=message.key,
                    )
                )
            session.add(
                ProcessedMessage(
                    chat=f"i{served.unit_id}",
                    message_id=message.key,
                    user_id=message.sender_qq or 0,
                    sent_at=to_utc_naive(message.sent_at),
                )
            )
            results.append(recorded)
        await session.commit()
    return results


async def batched(batch: list, size: int) -> list:
    from nonebot_plugin_orm import get_session

    from plugins.duty import units
    from plugins.reports.batch import record_messages

    [served] = units.all_served()
    results = []
    for start in range(0, len(batch), size):
        async with get_session() as session:
            results += await record_messages(
                session, served, f"i{served.unit_id}", batch[start : start + size]
            )
    return results


async def dump() -> dict[str, list[tuple]]:
    """Every table the import writes, without the wall-clock columns, ids as ranks."""
    from nonebot_plugin_orm import get_session

    tables: dict[str, list[dict]] = {}
    async with get_session() as session:
        for name in TABLES:
            result = await session.execute(sa.text(f"SELECT * FROM {name} ORDER BY id"))
            tables[name] = [dict(row._mapping) for row in result]
    rank = {name: {row["id"]: i for i, row in enumerate(rows)} for name, rows in tables.items()}
    dumped = {}
    for name, rows in tables.items():
        out = []
        for row in rows:
            row = {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
            row["id"] = rank[name][row["id"]]
            for column in TABLES[name]:
                target = REFERS_TO[column]
                if column == "subject_id":
                    target = {"report": "reports_dailyreport", "checkin": "duty_checkin"}.get(
                        row["subject"]
                    )
                if target and row[column] is not None:
                    # A row deleted since (a withdrawn check-in) has no rank: PostgreSQL's ids
                    # of such rows differ (the batch takes ids from the sequences ahead).
                    row[column] = rank[target].get(row[column], "deleted")
            out.append(tuple(sorted(row.items())))
        dumped[name] = out
    return dumped


def summary(results: list) -> list:
    return [[(r.held_for, r.new_numbers, r.new_found) for r in rs] for rs in results]


async def fresh_database(engine) -> None:
    from nonebot_plugin_orm import Model, get_session

    from plugins.duty import service, units

    async with engine.begin() as connection:
        await connection.run_sync(Model.metadata.drop_all)
        await connection.run_sync(Model.metadata.create_all)
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(UNIT_FILE))
    service.forget_people()


async def test_batched_import_writes_the_rows_of_one_by_one(database):
    items = messages()
    await before_the_import()
    batch = imported(items)
    expected_results = summary(await one_by_one(batch))
    expected = await dump()

    # In batches of different sizes, so that batches start and end anywhere.
    for size in (250, 7):
        await fresh_database(database)
        await before_the_import()
        results = summary(await batched(imported(items), size))
        got = await dump()
        for name in TABLES:
            assert got[name] == expected[name], (size, name)
        assert results == expected_results

    reports = expected["reports_dailyreport"]
    statuses = [dict(r)["status"] for r in reports]
    assert {"active", "superseded", "held", "withdrawn"} <= set(statuses)
    events = {dict(r)["action"] for r in expected["ledger_problemevent"]}
    assert {"register", "resolve", "told", "restore", "retract"} <= events
    assert any(dict(r)["version"] > 1 for r in expected["ledger_problem"])
