"""Report parsing in a worker process with a time limit, so no message can stall the bot.

Python's ``re`` holds the GIL while it matches: a pattern that backtracks on some input stops
every coroutine and thread of the process (replies, reminders, the WebSocket heartbeat), and
neither a thread nor ``asyncio.wait_for`` can interrupt it. Only another process can be
stopped: the parse runs in a small pool of worker processes (pebble), and a parse that runs
over its time limit has its worker killed and replaced.

The cost per message is one round trip to the worker (about 0.3–0.4 ms; a chat message parsed
in place takes about 0.01 ms): units are sent to a worker once and then named by a digest.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import logging
import multiprocessing
import os
import pickle
import threading
from collections import OrderedDict
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime
from typing import Any

log = logging.getLogger(__name__)

# A report is parsed in about a millisecond; a parse still running after this is runaway.
TIME_LIMIT = 3.0
# The function the workers run, as "module:name" (tests point it at a deliberately slow one).
PARSER = "dutybot.report_parser:parse_message"
WORKERS = max(1, min(2, os.cpu_count() or 1))
_UNITS_REMEMBERED = 32


class ParseTimedOut(Exception):
    """The message took longer than the time limit to read; nothing was read from it."""


class _UnknownUnit(Exception):
    """The worker has not been sent this unit yet."""


# ---------------------------------------------------------------------------------------------
# Worker side

_worker_units: OrderedDict[str, Any] = OrderedDict()


def _load_parser(parser: str) -> None:
    """Run once as each worker starts: the parser is imported before any parse's time limit
    starts counting, so a fresh worker on a slow machine still reads the next report."""
    importlib.import_module(parser.partition(":")[0])


def _parse_in_worker(
    parser: str,
    unit_digest: str,
    unit: Any,
    text: str,
    sent_at: datetime,
    sender: str | None,
    assume_report: bool,
) -> Any:
    if unit is None:
        unit = _worker_units.get(unit_digest)
        if unit is None:
            raise _UnknownUnit(unit_digest)
    else:
        _worker_units[unit_digest] = unit
        while len(_worker_units) > _UNITS_REMEMBERED:
            _worker_units.popitem(last=False)
    module, _, name = parser.partition(":")
    function = getattr(importlib.import_module(module), name)
    return function(text, sent_at, unit, sender, assume_report=assume_report)


# ---------------------------------------------------------------------------------------------
# Bot side


class IsolatedParser:
    """``parse_message`` run in worker processes; started on first use."""

    def __init__(self, workers: int = WORKERS) -> None:
        self.workers = workers
        self._pool: Any = None
        self._lock = threading.Lock()
        self._digests: OrderedDict[int, tuple[Any, str]] = OrderedDict()

    def _get_pool(self) -> Any:
        with self._lock:
            if self._pool is None or not self._pool.active:
                from pebble import ProcessPool

                # spawn: a fresh interpreter that imports only the parser (forking the bot would
                # copy its threads' locks and its sockets); the same on Linux and Windows.
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    initializer=_load_parser,
                    initargs=(PARSER,),
                    context=multiprocessing.get_context("spawn"),
                )
            return self._pool

    def start(self) -> None:
        """Start the workers now (each imports the parser as it comes up: a second or so)."""
        self._get_pool()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()
            pool.join(timeout=5)

    def _digest(self, unit: Any) -> str:
        known = self._digests.get(id(unit))
        if known is not None and known[0] is unit:
            return known[1]
        digest = hashlib.sha256(pickle.dumps(unit)).hexdigest()
        # Holding the unit keeps its id from being reused while remembered.
        self._digests[id(unit)] = (unit, digest)
        while len(self._digests) > _UNITS_REMEMBERED:
            self._digests.popitem(last=False)
        return digest

    async def parse(
        self,
        text: str,
        sent_at: datetime,
        unit: Any,
        sender: str | None = None,
        *,
        assume_report: bool = False,
        time_limit: float | None = None,
    ) -> Any:
        """What ``parse_message`` returns, or ParseTimedOut after ``time_limit`` seconds of
        parsing (waiting for a free worker does not count)."""
        limit = TIME_LIMIT if time_limit is None else time_limit
        digest = self._digest(unit)
        args = (PARSER, digest, None, text, sent_at, sender, assume_report)
        try:
            return await self._run(args, limit)
        except _UnknownUnit:
            return await self._run((PARSER, digest, unit, *args[3:]), limit)

    async def _run(self, args: tuple, limit: float) -> Any:
        from pebble import ProcessExpired

        future = self._get_pool().schedule(_parse_in_worker, args=args, timeout=limit)
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            log.warning("report parsing stopped after %.1f s (%d characters)", limit, len(args[3]))
            raise ParseTimedOut from None
        except ProcessExpired as error:  # the worker died (out of memory, killed): same answer
            log.warning("report parsing worker died: %s", error)
            raise ParseTimedOut from None
