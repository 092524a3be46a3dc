"""/看板: a personal signed link for coordinators, privately; nothing for anyone else."""

from __future__ import annotations

from datetime import datetime

import pytest
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebot.adapters.onebot.v11.exception import ActionFailed
from nonebug import App

from tests.fake import SELF_ID, fake_group_message, fake_private_message
from tests.plugins.monthly.month import SHANGHAI

COORDINATOR = 10001
SUPERUSER = 99999
MEMBER = 20002
NOW = int(datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI).timestamp())
LOOPBACK = (
    "这个地址只能在机器人所在的电脑上打开。要在手机或别的电脑上看，"
    "请管理员设置 DUTY_BOARD_URL（见说明文档“网页看板”一节）。"
)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, today, data_dir):
    import plugins.dashboard

    monkeypatch.setattr(plugins.dashboard, "unix_now", lambda: NOW)


def token(qq: int) -> str:
    from dutybot.board.access import LINK_SECONDS, make_token
    from plugins.dashboard import routes

    return make_token(routes.signing_key(), qq, NOW + LINK_SECONDS)


def text(value: str) -> Message:
    return Message(MessageSegment.text(value))


def link_text(qq: int, scope: str, base: str = "http://127.0.0.1:8080", note: bool = True):
    value = (
        f"值班看板（{scope}）：\n{base}/dutybot/board/{token(qq)}/\n"
        "本人专用，12月9日 10:00前有效（7天），请勿转发；过期后再发 /看板。"
    )
    return text(value + ("\n" + LOOPBACK if note else ""))


async def converse(app: App, event, reply, calls=()):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.receive_event(bot, event)
        for api, data, outcome in calls:
            if isinstance(outcome, Exception):
                ctx.should_call_api(api, data, exception=outcome)
            else:
                ctx.should_call_api(api, data, result=outcome)
        ctx.should_call_send(event, reply, result={"message_id": 1})


async def test_in_private_chat(app: App, frozen):
    await converse(
        app, fake_private_message("/看板", user_id=COORDINATOR), link_text(COORDINATOR, "市外侨办")
    )


async def test_the_city_office(app: App, frozen):
    await converse(
        app, fake_private_message("/看板", user_id=SUPERUSER), link_text(SUPERUSER, "全市 1 个单位")
    )


async def test_in_the_group_the_link_goes_privately(app: App, frozen):
    await converse(
        app,
        fake_group_message("/看板", user_id=COORDINATOR),
        "看板链接已私聊发给你，7天内有效。",
        calls=[
            (
                "send_private_msg",
                {"user_id": COORDINATOR, "message": link_text(COORDINATOR, "市外侨办")},
                {"message_id": 7},
            )
        ],
    )


async def test_in_the_group_when_a_private_message_cannot_be_sent(app: App, frozen):
    await converse(
        app,
        fake_group_message("/看板", user_id=COORDINATOR),
        "没能私聊发给你看板链接（链接只给本人，不发在群里）。"
        "请先加机器人为 QQ 好友，再私聊机器人发送 /看板。",
        calls=[
            (
                "send_private_msg",
                {"user_id": COORDINATOR, "message": link_text(COORDINATOR, "市外侨办")},
                ActionFailed(status="failed", retcode=100),
            )
        ],
    )


async def test_a_public_address_when_set(app: App, frozen, monkeypatch: pytest.MonkeyPatch):
    import plugins.dashboard

    monkeypatch.setattr(
        plugins.dashboard.settings, "duty_board_url", "https://duty.example.gov.cn/zhiban"
    )
    await converse(
        app,
        fake_private_message("/看板", user_id=COORDINATOR),
        link_text(COORDINATOR, "市外侨办", "https://duty.example.gov.cn/zhiban", note=False),
    )


@pytest.mark.parametrize("where", ["group", "private"])
async def test_not_for_others(app: App, frozen, where):
    event = (
        fake_group_message("/看板", user_id=MEMBER)
        if where == "group"
        else fake_private_message("/看板", user_id=MEMBER)
    )
    await converse(
        app, event, "看板由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"
    )


def test_board_address_setting():
    from pydantic import ValidationError

    from plugins.dashboard.config import Config

    assert Config(duty_board_url="https://duty.example.gov.cn/").duty_board_url == (
        "https://duty.example.gov.cn"
    )
    with pytest.raises(ValidationError):
        Config(duty_board_url="duty.example.gov.cn")
