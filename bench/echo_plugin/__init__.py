"""The framework's floor for the message path: bare nonebot2 commands that echo their text.

Loaded only into the benchmark's bot process (``DUTY_EXTRA_PLUGINS=["bench.echo_plugin"]``),
never in a deployment. Two of them, measured side by side:

- ``/echo`` is a command like every dutybot command, at the same priority and blocking, so it
  costs what any command costs in this bot before its own work: the adapter, the bot's global
  event preprocessors (served-group filter, duplicate check), the command dispatch (one
  matcher looks the command up and runs its matcher, ``plugins.duty.dispatch``) and one
  ``send_msg`` through the rate limiter.
- ``/echo0`` is checked before any dutybot matcher (priority 0), as a plain nonebot command:
  the framework alone, the floor issue 15's targets are measured against. Its command rule is
  checked for every message the bot gets (nonebot runs its three command parameters in a
  worker thread, once per message).

And one for plain chat, which the bot does not answer: a message that starts with
``CHAT_MARK`` is answered by a matcher checked after all of the bot's, so its reply arrives once
the bot has looked at it like at any chat message (every matcher's check, the report reader).
"""

from nonebot import on_command, on_message
from nonebot.adapters import Event, Message
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata

# The same number as ``plugins.duty.chat.COMMAND_PRIORITY`` (a test keeps them equal). Not
# imported from there: the floor bot loads this plugin alone, and importing the duty plugin's
# package outside nonebot's loader would declare its tables without their plugin prefix.
ECHO_PRIORITY = 1
FIRST_PRIORITY = 0
# After every matcher of the bot (their priorities are 1 to 50).
LAST_PRIORITY = 99
CHAT_MARK = "闲聊："

__plugin_meta__ = PluginMetadata(
    name="bench echo",
    description="性能测试的对照命令：原样回复",
    usage="/echo 文本",
    type="application",
)

echo = on_command("echo", priority=ECHO_PRIORITY, block=True)
echo_first = on_command("echo0", priority=FIRST_PRIORITY, block=True)


async def _is_marked_chat(event: Event) -> bool:
    return event.get_plaintext().startswith(CHAT_MARK)


echo_last = on_message(rule=_is_marked_chat, priority=LAST_PRIORITY, block=True)


@echo.handle()
async def handle_echo(args: Message = CommandArg()) -> None:
    await echo.finish(args.extract_plain_text() or "echo")


@echo_first.handle()
async def handle_echo_first(args: Message = CommandArg()) -> None:
    await echo_first.finish(args.extract_plain_text() or "echo")


@echo_last.handle()
async def handle_echo_last(event: Event) -> None:
    await echo_last.finish(event.get_plaintext().removeprefix(CHAT_MARK) or "echo")
