"""Random text, random segments, huge messages, odd unicode and malformed commands, through the
adapter's own event path: no unhandled exception anywhere, and the database stays consistent."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nonebot.adapters.onebot.v11 import Adapter, Bot, Message, MessageSegment

from tests.fake import GROUP, SELF_ID, at, fake_group_message, fake_private_message

COMMAND_WORDS = [
    "/报到",
    "／报到",
    "/签到",
    "/绑定",
    "/帮助",
    "/问题",
    "/问题 列表",
    "/问题 1",
    "/协调",
    "/解决",
    "/核查",
    "/重开",
    "/撤销",
    "/日报",
    "/备份",
    "/排班",
    "/值班表",
    "/我的值班",
    "/请假",
    "/换班",
    "/同意",
    "/拒绝",
    "/调班",
    "/提醒",
    "/月报",
    "/周报",
]
WORDS = [
    "玄帝庙街",
    "凤凰城",
    "王晓明",
    "李娜",
    "张三",
    "12",
    "#12",
    "＃3",
    "十二",
    "0",
    "-1",
    "99999999999999999999",
    "2026-13",
    "12-05",
    "明天",
    "下周一",
    "11月31日",
    "全部",
    "通过",
    "市容秩序",
    "#其他",
    "电动车乱停放5处",
    "已解决",
    "已整改",
    "列表",
    "导出",
    "测试",
    "材料",
    "收到",
    "好的👍",
    "值班",
    "发现",
    "问题",
    "处",
    "\u200b",
    "\u3000",
    "🚲" * 3,
    "\n",
    "；",
    "、",
    "<script>",
    "' OR 1=1 --",
    "[CQ:at,qq=all]",
    "&amp;",
    "\x00",
    "\ud7ff",
    "𠀀",
]
USERS = [20001, 20002, 20007, 30013, 10001, 99999, 55555]
_ids = itertools.count(500_000)

words = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6).map(" ".join)
texts = st.one_of(
    st.builds(lambda c, w: f"{c} {w}", st.sampled_from(COMMAND_WORDS), words),
    st.builds(lambda c, w: f"{c}{w}", st.sampled_from(COMMAND_WORDS), words),
    words,
    st.text(max_size=300),
    st.integers(min_value=4_000, max_value=60_000).map(lambda n: "玄帝庙街值班发现垃圾" + "很" * n),
)
segments = st.one_of(
    texts.map(MessageSegment.text),
    st.sampled_from([*USERS, 123, 0]).map(MessageSegment.at),
    st.just(MessageSegment.at("all")),
    st.sampled_from(["http://img/x.png", "", "not a url", "file:///etc/passwd"]).map(
        lambda url: MessageSegment("image", {"file": "x.image", "url": url})
    ),
    st.integers(min_value=-5, max_value=10**12).map(lambda n: MessageSegment.reply(n)),
    st.just(MessageSegment.face(1)),
    st.just(MessageSegment("json", {"data": "{}"})),
)
messages = st.one_of(
    texts.map(Message),
    st.lists(segments, min_size=1, max_size=5).map(Message),
)


@pytest.fixture
def fuzz_bot(app, monkeypatch):
    """A bot whose API calls are answered at once (sends succeed, get_msg fails or returns)."""
    import nonebot

    from plugins.ledger import photos

    async def fetch_fails(url: str) -> bytes:
        raise photos.PhotoError("HTTP 404")

    monkeypatch.setattr(photos, "fetch_bytes", fetch_fails)
    monkeypatch.setattr(photos, "BACKOFF", (0, 0))
    adapter = nonebot.get_adapter(Adapter)
    calls: list[tuple[str, dict]] = []

    async def answer(bot, api: str, **data):
        calls.append((api, data))
        if api == "get_msg":
            from nonebot.adapters.onebot.v11 import ActionFailed

            raise ActionFailed(retcode=100, status="failed")
        return {"message_id": next(_ids)}

    monkeypatch.setattr(adapter, "_call_api", answer)
    return _FuzzBot(Bot(adapter, str(SELF_ID)), calls)


class _FuzzBot(tuple):
    """(bot, calls), shown by name when hypothesis reports a failing example: the bot itself
    turns any unknown attribute, _repr_pretty_ too, into an API call, which hid the failure."""

    def __new__(cls, bot: Bot, calls: list[tuple[str, dict]]) -> _FuzzBot:
        return super().__new__(cls, (bot, calls))

    def __repr__(self) -> str:
        return "fuzz_bot"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


@pytest.fixture
def errors():
    from nonebot.log import logger

    caught: list[str] = []
    handler = logger.add(lambda m: caught.append(str(m)), level="ERROR")
    yield caught
    logger.remove(handler)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(message=messages, user=st.sampled_from(USERS), private=st.booleans(), day=st.integers(0, 40))
async def test_random_messages_never_break_the_bot(fuzz_bot, errors, message, user, private, day):
    bot, _calls = fuzz_bot
    moment = at("2026-11-02 07:40") + day * 86400
    if private:
        event = fake_private_message(message, user_id=user, time=moment)
    else:
        event = fake_group_message(message, user_id=user, time=moment, card="友协办-何永军")
    await bot.handle_event(event)
    assert errors == [], errors


async def test_database_is_consistent_after_fuzzing(fuzz_bot, errors):
    """A fixed batch of nasty messages, then the cross-table invariants."""
    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    bot, calls = fuzz_bot
    for index, text in enumerate(
        [
            "/问题 玄帝庙街 电动车乱停放5处",
            "/问题 凤凰城 小广告三处 #市容秩序",
            "今天玄帝庙街值班，王晓明、李娜到岗。发现垃圾3处已清理；井盖破损1个，已通知物业。",
            "/解决 1 已摆放",
            "/解决 1 再来一次",
            "/撤销 2 重复",
            "/重开 1 又乱停了",
            "/核查 99",
            "/日报 " + "很" * 5000,
            "/报到 " + "王晓明" * 100,
        ]
    ):
        await bot.handle_event(
            fake_group_message(
                text, user_id=20001 if index % 2 == 0 else 10001, time=at("2026-11-30 08:00")
            )
        )
    assert errors == [], errors
    assert any(api == "send_msg" for api, _ in calls)
    async with get_session() as session:
        report_mismatch = await session.execute(
            sa.text(
                "SELECT r.id FROM reports_dailyreport r WHERE r.status = 'active' AND r.found_total != "
                "(SELECT COALESCE(SUM(p.quantity), 0) FROM ledger_problem p "
                " WHERE p.report_id = r.id AND p.status != 'withdrawn')"
            )
        )
        assert report_mismatch.all() == []
        history_gaps = await session.execute(
            sa.text(
                "SELECT p.id FROM ledger_problem p WHERE NOT EXISTS "
                "(SELECT 1 FROM ledger_problemevent e WHERE e.problem_id = p.id)"
            )
        )
        assert history_gaps.all() == []
        resolved_mismatch = await session.execute(
            sa.text(
                "SELECT id FROM ledger_problem WHERE (status IN ('resolved','rechecking','verified') "
                "AND resolved_quantity != quantity) OR (status IN ('open','coordinating') "
                "AND resolved_quantity != 0)"
            )
        )
        assert resolved_mismatch.all() == []
    assert GROUP == 700000001
