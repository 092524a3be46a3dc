"""Every refused cell of the permissions table in README.md: a clear answer, nothing changed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.fake import fake_group_message, fake_private_message
from tests.plugins.test_fuzz import errors, fuzz_bot  # noqa: F401 - fixtures

STRANGER = 55555  # in the group, not on the staff list
MEMBER = 20002  # staff, not a shift leader, not a coordinator
NOT_STAFF = "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）"
BIND_FIRST = "私聊使用需要先在工作群里绑定：/绑定 你的姓名"
MONTHLY = "月报和周报由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"
BOARD = "看板由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"

REFUSED = [
    # anyone in the group who is not staff
    (STRANGER, "group", "/报到 玄帝庙街", NOT_STAFF),
    (STRANGER, "group", "/问题 玄帝庙街 垃圾3处", NOT_STAFF),
    (STRANGER, "group", "/解决 1", NOT_STAFF),
    (STRANGER, "group", "/协调 1 城管", NOT_STAFF),
    (STRANGER, "group", "/核查 1", NOT_STAFF),
    (STRANGER, "group", "/重开 1 又有了", NOT_STAFF),
    (STRANGER, "group", "/请假 12-05 有事", NOT_STAFF),
    (STRANGER, "group", "/换班 12-05", NOT_STAFF),
    (STRANGER, "group", "/我的值班", NOT_STAFF),
    (STRANGER, "group", "/报到 撤销", NOT_STAFF),
    # staff, for what needs a shift leader, the reporter or a coordinator
    (
        MEMBER,
        "group",
        "/报到 玄帝庙街 赵强",
        "只有带班负责人或协调人可以替别人报到。自己报到请发送：/报到",
    ),
    (
        MEMBER,
        "group",
        "/报到 撤销 赵强",
        "只有协调人可以撤销别人的报到。撤销自己的请发送：/报到 撤销",
    ),
    (MEMBER, "group", "/撤销 1 错了", "只有登记人或协调人可以撤销问题。"),
    (MEMBER, "group", "/排班 2026-12", "只有协调人可以排班。查看值班表请发送：/值班表"),
    (MEMBER, "group", "/排班 导出 2026-12", "只有协调人可以排班。查看值班表请发送：/值班表"),
    (
        MEMBER,
        "group",
        "/调班 12-02 李娜 孙悦",
        "只有协调人可以直接调班。想和同事换班请发送：/换班 @某人 12-05",
    ),
    (MEMBER, "group", "/提醒 测试", "只有协调人可以测试提醒。"),
    (MEMBER, "group", "/月报 2026-11", MONTHLY),
    (MEMBER, "group", "/月报 材料 2026-11", MONTHLY),
    (MEMBER, "group", "/周报", MONTHLY),
    (MEMBER, "group", "/备份", "只有协调人可以备份数据库。"),
    (MEMBER, "group", "/看板", BOARD),
    (STRANGER, "group", "/看板", BOARD),
    # private chat: group-only commands, and anyone not bound
    (MEMBER, "private", "/报到", "报到请在值班工作群里发送 /报到，方便大家看到谁到岗了。"),
    (MEMBER, "private", "/绑定 李娜", "绑定请在值班工作群里发送 /绑定 你的姓名。"),
    (
        MEMBER,
        "private",
        "/问题 玄帝庙街 垃圾",
        "问题请在值班工作群里登记和处理（/问题、/解决 等），方便大家看到。",
    ),
    (
        MEMBER,
        "private",
        "/日报 玄帝庙街值班发现垃圾3处",
        "值班日报请发在工作群里，大家都能看到；机器人会自动记录。",
    ),
    (MEMBER, "private", "/排班 2026-12", "只有协调人可以排班。查看值班表请发送：/值班表"),
    (
        MEMBER,
        "private",
        "/调班 12-02 李娜 孙悦",
        "只有协调人可以直接调班。想和同事换班请发送：/换班 @某人 12-05",
    ),
    (MEMBER, "private", "/提醒 测试", "只有协调人可以测试提醒。"),
    (MEMBER, "private", "/月报", MONTHLY),
    (MEMBER, "private", "/看板", BOARD),
    (STRANGER, "private", "/我的值班", BIND_FIRST),
    (STRANGER, "private", "/请假 12-05 有事", BIND_FIRST),
    (STRANGER, "private", "/换班 12-05", BIND_FIRST),
    (STRANGER, "private", "/同意", BIND_FIRST),
    (STRANGER, "private", "/值班表", BIND_FIRST),
]


async def table_counts() -> dict[str, int]:
    from nonebot_plugin_orm import Model, get_session

    async with get_session() as session:
        return {
            name: await session.scalar(sa.select(sa.func.count()).select_from(table))
            for name, table in Model.metadata.tables.items()
        }


def texts(calls) -> list[str]:
    sent = []
    for api, data in calls:
        if api.startswith("send"):
            message = data["message"]
            sent.append(message if isinstance(message, str) else message.extract_plain_text())
    return sent


@pytest.mark.parametrize(("user", "chat", "text", "reply"), REFUSED)
async def test_refused(fuzz_bot, errors, user, chat, text, reply):  # noqa: F811
    bot, calls = fuzz_bot
    # A problem #1 registered by 王晓明, so that the numbered commands have something to refuse.
    await bot.handle_event(fake_group_message("/问题 玄帝庙街 电动车乱停放5处", user_id=20001))
    before = await table_counts()
    calls.clear()
    event = (
        fake_group_message(text, user_id=user)
        if chat == "group"
        else fake_private_message(text, user_id=user)
    )
    await bot.handle_event(event)
    assert texts(calls) == [reply]
    assert await table_counts() == before
    assert errors == []
