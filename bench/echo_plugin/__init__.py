"""The framework's floor for the message path: a bare nonebot2 command that echoes its text.

Loaded only into the benchmark's bot process (``DUTY_EXTRA_PLUGINS=["bench.echo_plugin"]``),
never in a deployment. It runs at a higher priority than every dutybot matcher and blocks, so
an ``/echo`` message costs what any message costs in this bot before a command's own work:
the adapter, the bot's global event preprocessors (served-group filter, duplicate check),
matcher dispatch and one ``send_msg`` through the rate limiter.
"""

from nonebot import on_command
from nonebot.adapters import Message
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata

__plugin_meta__ = PluginMetadata(
    name="bench echo",
    description="性能测试的对照命令：原样回复",
    usage="/echo 文本",
    type="application",
)

echo = on_command("echo", priority=1, block=True)


@echo.handle()
async def handle_echo(args: Message = CommandArg()) -> None:
    await echo.finish(args.extract_plain_text() or "echo")
