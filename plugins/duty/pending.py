"""Questions the bot asked and is waiting on, such as "which site?".

Kept in memory for a few minutes. The answer is matched by a low-priority rule, so a sender
who goes on with something else is never blocked and nothing they send is swallowed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dutybot import clock
from dutybot.text import clip
from dutybot.unit import Site, Unit

ANSWER_WINDOW = timedelta(minutes=10)

OnSite = Callable[[Site], Awaitable[str]]
# Told the result of sending the answer's reply (OneBot: {"message_id": …}).
OnSent = Callable[[Any], Awaitable[None]]


@dataclass
class SiteQuestion:
    unit: Unit
    choices: list[Site]
    on_answer: OnSite
    asked_at: datetime
    on_sent: OnSent | None = None

    def read_answer(self, text: str) -> Site | None:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.choices):
            return self.choices[int(text) - 1]
        site = self.unit.site_named(text)
        return site if site in self.choices else None

    def is_bad_number(self, text: str) -> bool:
        """A number that is none of the choices (``3`` when there are two)."""
        text = text.strip()
        return text.isdigit() and not 1 <= int(text) <= len(self.choices)

    def bad_number_text(self, text: str) -> str:
        last = len(self.choices)
        return (
            f"没有第 {clip(text.strip(), 6)} 个地点。请回复 1–{last} 的序号：\n"
            + self.choice_lines()
        )

    def choice_lines(self) -> str:
        return "\n".join(f"{index}. {site.label}" for index, site in enumerate(self.choices, 1))


_questions: dict[tuple[int, int], SiteQuestion] = {}


def ask_site(
    unit: Unit,
    group_id: int,
    user_id: int,
    on_answer: OnSite,
    action: str,
    on_sent: OnSent | None = None,
) -> str:
    """Remember the question and return its text. ``on_answer`` makes the reply to the answer;
    ``on_sent``, if given, gets the result of sending it (the ledger keeps the message id)."""
    choices = list(unit.sites)
    _questions[(group_id, user_id)] = SiteQuestion(unit, choices, on_answer, clock.now(), on_sent)
    return f"在哪个地点{action}？回复序号即可：\n" + _questions[(group_id, user_id)].choice_lines()


def waiting_question(group_id: int, user_id: int) -> SiteQuestion | None:
    question = _questions.get((group_id, user_id))
    if question is not None and clock.now() - question.asked_at > ANSWER_WINDOW:
        del _questions[(group_id, user_id)]
        return None
    return question


def take_question(group_id: int, user_id: int) -> SiteQuestion | None:
    return _questions.pop((group_id, user_id), None)


def clear() -> None:
    _questions.clear()


def site_from_answer(unit: Unit, text: str) -> Site | None:
    """The site an answer to "哪个地点？回复序号即可" means: its number or its name."""
    return SiteQuestion(unit, list(unit.sites), _no_answer, clock.now()).read_answer(text)


async def _no_answer(site: Site) -> str:
    return ""


def expect_site(
    unit: Unit,
    group_id: int,
    user_id: int,
    on_answer: OnSite,
    on_sent: OnSent | None = None,
) -> None:
    """Wait for the answer to a site question the caller words itself (choices: the unit's
    sites, numbered in order)."""
    _questions[(group_id, user_id)] = SiteQuestion(
        unit, list(unit.sites), on_answer, clock.now(), on_sent
    )
