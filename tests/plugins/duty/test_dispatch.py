"""One matcher dispatches the commands: nonebot checks it once per message, not each command."""

from __future__ import annotations

from nonebot.adapters.onebot.v11 import Bot, MessageEvent
from nonebug import App

from tests.fake import fake_group_message


def test_every_command_is_dispatched_and_none_is_checked_by_nonebot():
    import nonebot
    from nonebot.matcher import matchers

    from plugins.duty import dispatch
    from plugins.duty.chat import COMMAND_PRIORITY

    commands = {
        matcher
        for plugin in nonebot.get_loaded_plugins()
        if plugin.module_name.startswith("plugins.")
        for matcher in plugin.matcher
        if dispatch._commands(matcher)
    }
    assert len(commands) >= 20
    assert commands <= set(dispatch.dispatched())
    assert matchers[COMMAND_PRIORITY] == [dispatch.dispatcher]
    assert {("报到",), ("签到",), ("问题",), ("月报",), ("帮助",), ("看板",)} <= set(
        dispatch._by_command
    )


async def test_a_command_runs_alone_and_blocks_and_one_it_refuses_goes_on(app: App):
    from nonebot import on_command, on_message
    from nonebot.permission import SUPERUSER

    from plugins.duty import dispatch
    from plugins.duty.chat import COMMAND_PRIORITY

    probe = on_command("分发测试", priority=COMMAND_PRIORITY, block=True)
    superuser_only = on_command(
        "分发测试二", priority=COMMAND_PRIORITY, block=True, permission=SUPERUSER
    )
    later = on_message(priority=COMMAND_PRIORITY + 1, block=True)

    @probe.handle()
    async def handle_probe() -> None:
        await probe.finish("命令")

    @superuser_only.handle()
    async def handle_superuser_only() -> None:
        await superuser_only.finish("不该运行")

    @later.handle()
    async def handle_later(event: MessageEvent) -> None:
        await later.finish("后面的：" + event.get_plaintext())

    try:
        dispatch.install()
        for matcher in (probe, superuser_only):
            matcher._default_state = {**matcher._default_state, "__nonebug_matcher__": matcher}
        async with app.test_matcher() as ctx:
            bot = ctx.create_bot(base=Bot)
            event = fake_group_message("/分发测试 甲")
            ctx.receive_event(bot, event)
            ctx.should_call_send(event, "命令", result={"message_id": 1})
            event = fake_group_message("/分发测试二 乙")
            ctx.receive_event(bot, event)
            ctx.should_call_send(event, "后面的：/分发测试二 乙", result={"message_id": 2})
            event = fake_group_message("闲聊 丙")
            ctx.receive_event(bot, event)
            ctx.should_call_send(event, "后面的：闲聊 丙", result={"message_id": 3})
    finally:
        for command in (("分发测试",), ("分发测试二",)):
            dispatch._by_command.pop(command, None)
        later.destroy()
