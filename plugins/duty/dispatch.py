"""One check per message for all the commands: the message's command is looked up, not tried
against every command matcher in turn.

nonebot checks every matcher of a priority for each message, each in a task of its own with its
permission and rule solved as dependencies: with the bot's ~22 commands at one priority that is
~10 ms of CPU for every group message, chat included. nonebot already parses the command once
per message (its trie, into ``state[PREFIX_KEY][CMD_KEY]``), so at startup the command matchers
of ``COMMAND_PRIORITY`` leave nonebot's registry for a table keyed by command, and one matcher in
their place runs only the matcher of the message's command, through nonebot's own
``check_and_run_matcher``: that matcher's permission, rule, handlers, usage text and blocking
stay exactly as its plugin declared them. Plugins keep declaring one ``on_command`` per command.

nonebot's command parameters (``CommandArg()`` and the like, which every command's rule and most
handlers use) are plain functions of the parsed state that it runs in a worker thread, a thread
hop each; the dispatcher hands them over already solved.
"""

from __future__ import annotations

from contextlib import AsyncExitStack

from nonebot import on_message, params
from nonebot.adapters import Bot, Event
from nonebot.consts import (
    CMD_ARG_KEY,
    CMD_KEY,
    CMD_START_KEY,
    CMD_WHITESPACE_KEY,
    PREFIX_KEY,
    RAW_CMD_KEY,
)
from nonebot.exception import StopPropagation
from nonebot.internal.params import DependencyCache
from nonebot.matcher import Matcher, matchers
from nonebot.message import check_and_run_matcher
from nonebot.rule import CommandRule, Rule
from nonebot.typing import T_DependencyCache, T_State

from .chat import COMMAND_PRIORITY

_by_command: dict[tuple[str, ...], list[type[Matcher]]] = {}

# The functions behind nonebot's command parameters, and the part of the parsed command each
# returns.
_PARSED_PARTS = {
    params.Command().dependency: CMD_KEY,  # type: ignore[attr-defined]
    params.RawCommand().dependency: RAW_CMD_KEY,  # type: ignore[attr-defined]
    params.CommandArg().dependency: CMD_ARG_KEY,  # type: ignore[attr-defined]
    params.CommandStart().dependency: CMD_START_KEY,  # type: ignore[attr-defined]
    params.CommandWhitespace().dependency: CMD_WHITESPACE_KEY,  # type: ignore[attr-defined]
}


def _command_of(state: T_State) -> tuple[str, ...] | None:
    prefix = state.get(PREFIX_KEY)
    return prefix.get(CMD_KEY) if prefix else None


async def _is_dispatched_command(state: T_State) -> bool:
    return _command_of(state) in _by_command


dispatcher = on_message(rule=Rule(_is_dispatched_command), priority=COMMAND_PRIORITY, block=False)


@dispatcher.handle()
async def dispatch_command(matcher: Matcher, bot: Bot, event: Event, state: T_State) -> None:
    blocked = False
    async with AsyncExitStack() as stack:
        for command_matcher in _by_command.get(_command_of(state) or (), ()):
            solved = _solved_command_parameters(state)
            try:
                await check_and_run_matcher(command_matcher, bot, event, dict(state), stack, solved)
            except StopPropagation:  # the command's matcher blocks: so does the dispatcher
                blocked = True
    if blocked:
        matcher.stop_propagation()


def _solved_command_parameters(state: T_State) -> T_DependencyCache:
    parsed = state[PREFIX_KEY]
    cache: T_DependencyCache = {}
    for call, part in _PARSED_PARTS.items():
        cache[call] = solved = DependencyCache()
        solved.set_result(parsed[part])
    return cache


def _commands(matcher: type[Matcher]) -> tuple[tuple[str, ...], ...]:
    for checker in matcher.rule.checkers:
        if isinstance(checker.call, CommandRule):
            return checker.call.cmds
    return ()


def install() -> None:
    """Move the command matchers of ``COMMAND_PRIORITY`` (every plugin loaded by now) from
    nonebot's registry into the dispatcher's table. Running it again moves any added since."""
    registered = matchers.get(COMMAND_PRIORITY, [])
    for matcher in list(registered):
        commands = _commands(matcher)
        if matcher is dispatcher or matcher.temp or not commands:
            continue
        for command in commands:
            _by_command.setdefault(command, []).append(matcher)
        registered.remove(matcher)


def dispatched() -> list[type[Matcher]]:
    """The matchers the dispatcher runs, each once."""
    return list(dict.fromkeys(m for ms in _by_command.values() for m in ms))
