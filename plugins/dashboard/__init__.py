"""The read-only web dashboard (看板): ``/看板`` gives a coordinator a personal signed link to
pages the bot serves itself (总览, 问题台账 with photos, 值班表, the month's files). The pages
are in :mod:`.routes` (see there for how they are authorised), the rules and the HTML in
:mod:`dutybot.board`."""

from __future__ import annotations

import ipaddress
import time
from datetime import datetime

from nonebot import get_driver, get_plugin_config, on_command, require
from nonebot.adapters.onebot.v11 import Bot, GroupMessageEvent, MessageEvent
from nonebot.plugin import PluginMetadata

require("nonebot_plugin_orm")
require("plugins.duty")
require("plugins.ledger")
require("plugins.reports")
require("plugins.monthly")

from yarl import URL  # noqa: E402

from dutybot import clock  # noqa: E402
from dutybot.board.access import LINK_DAYS, LINK_SECONDS, make_token  # noqa: E402
from dutybot.board.pages import moment_text  # noqa: E402
from dutybot.monthly import default_month  # noqa: E402
from plugins.duty import units  # noqa: E402
from plugins.duty.chat import COMMAND_PRIORITY, coordinated_units  # noqa: E402
from plugins.duty.upload import peer_base_url  # noqa: E402
from plugins.monthly.delivery import SEND_FAILURES, as_text  # noqa: E402

from . import routes, trend  # noqa: E402
from .config import Config  # noqa: E402

COMMANDS = {
    "看板": "/看板：网页看板（总览、问题台账和照片、值班表）的个人链接，7天内有效（协调人）"
}

__plugin_meta__ = PluginMetadata(
    name="看板",
    description="只读的网页看板：与月报相同的数字和图表、问题台账和照片、值班表",
    usage="\n".join(COMMANDS.values()),
    type="application",
    config=Config,
    extra={"commands": COMMANDS, "order": 5},
)

settings = get_plugin_config(Config)
trend.install()
routes.register()

NOT_COORDINATOR = "看板由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"
LOOPBACK_NOTE = (
    "这个地址只能在机器人所在的电脑上打开。要在手机或别的电脑上看，"
    "请管理员设置 DUTY_BOARD_URL（见说明文档“网页看板”一节）。"
)


def board_base(bot: Bot) -> URL:
    """Where people reach the bot: DUTY_BOARD_URL, else the address the QQ side connected to,
    else HOST:PORT."""
    if settings.duty_board_url:
        return URL(settings.duty_board_url)
    peer = peer_base_url(bot)
    if peer is not None:
        return peer
    config = get_driver().config
    return URL.build(scheme="http", host=str(config.host), port=int(config.port))


def is_loopback(url: URL) -> bool:
    host = url.host or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unix_now() -> float:
    """The clock of link expiry (Unix time; tests replace it)."""
    return time.time()


def board_link(bot: Bot, qq: int) -> tuple[str, datetime]:
    """The holder's link and when it expires (local)."""
    expires = int(unix_now()) + LINK_SECONDS
    token = make_token(routes.signing_key(), qq, expires)
    base = str(board_base(bot)).rstrip("/")
    return f"{base}{routes.PREFIX}/{token}/", datetime.fromtimestamp(expires, clock.timezone())


@get_driver().on_startup
async def warm_the_city_trend() -> None:
    """A city-wide deployment computes the trend's months once, in the background at start,
    so that the city office's first view is as quick as the next (twelve city summaries take
    seconds)."""
    served = units.all_served()  # plugins.duty's start, which loads them, runs first
    if len(served) > trend.FEW_UNITS:
        trend.warm_soon(tuple(s.unit_id for s in served), default_month(clock.today()))


@get_driver().on_shutdown
async def stop_warming() -> None:
    trend.stop_warming()


board = on_command("看板", aliases={"网页看板"}, priority=COMMAND_PRIORITY, block=True)


@board.handle()
async def handle_board(bot: Bot, event: MessageEvent) -> None:
    if isinstance(event, GroupMessageEvent) and units.for_group(event.group_id) is None:
        return
    if not coordinated_units(event):
        await board.finish(NOT_COORDINATOR)
    sight = routes.sight_of(event.user_id)
    if sight is None:  # a coordinator of this group's unit always sees it
        await board.finish(NOT_COORDINATOR)
    link, expires = board_link(bot, event.user_id)
    names = [s.unit.name for s in units.all_served() if sight.allows(s.unit_id)]
    scope = f"全市 {len(names)} 个单位" if sight.city else "、".join(names)
    text = (
        f"值班看板（{scope}）：\n{link}\n"
        f"本人专用，{moment_text(expires)}前有效（{LINK_DAYS}天），请勿转发；过期后再发 /看板。"
    )
    if is_loopback(URL(link)):
        text += "\n" + LOOPBACK_NOTE
    if len(sight.unit_ids) > 1:
        trend.warm_soon(sight.unit_ids, default_month(clock.today()))
    if not isinstance(event, GroupMessageEvent):
        await board.finish(as_text(text))
    # A personal link is not posted in the group, where everyone would have it.
    try:
        await bot.send_private_msg(user_id=event.user_id, message=as_text(text))
    except SEND_FAILURES:
        await board.finish(
            "没能私聊发给你看板链接（链接只给本人，不发在群里）。"
            "请先加机器人为 QQ 好友，再私聊机器人发送 /看板。"
        )
    await board.finish(f"看板链接已私聊发给你，{LINK_DAYS}天内有效。")
