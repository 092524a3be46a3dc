"""The token rules and the gate in front of the bot's HTTP server."""

from __future__ import annotations

import asyncio

import pytest

from dutybot import access


def test_loopback_needs_no_token():
    assert access.token_problem("127.0.0.1", None) is None
    assert access.token_problem("localhost", "") is None
    assert access.token_problem("::1", "x") is None


@pytest.mark.parametrize(
    ("token", "words"),
    [
        (None, "没有设置"),
        ("", "没有设置"),
        ("abc123", "太短"),
        ("a" * 15, "太短"),
        ("abcdefgh ijklmnopq", "含空格"),
        ("abcdefghijklmnopq\t", "含空格"),
    ],
)
def test_beyond_loopback_a_token_is_long_and_blank_free(token, words):
    problem = access.token_problem("0.0.0.0", token)
    assert problem is not None and words in problem
    assert "\n" not in problem


def test_a_good_token_beyond_loopback_is_accepted():
    assert access.token_problem("0.0.0.0", "Ab3dEf6hIj9lMn0p") is None
    assert access.token_problem("192.168.1.5", "x" * 40) is None


def test_token_matches_only_the_exact_token():
    assert access.token_matches("Ab3dEf6hIj9lMn0p", "Ab3dEf6hIj9lMn0p")
    assert not access.token_matches("Ab3dEf6hIj9lMn0", "Ab3dEf6hIj9lMn0p")
    assert not access.token_matches(None, "Ab3dEf6hIj9lMn0p")
    assert not access.token_matches("", "Ab3dEf6hIj9lMn0p")
    assert access.bearer("Bearer abc") == "abc"
    assert access.bearer("token abc") == "abc"
    assert access.bearer("Basic abc") is None


def _run(gate: access.TokenGate, scope: dict) -> tuple[list[dict], bool]:
    sent: list[dict] = []
    reached = False

    async def app(scope, receive, send):
        nonlocal reached
        reached = True

    gate.app = app

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message):
        sent.append(message)

    asyncio.run(gate(scope, receive, send))
    return sent, reached


@pytest.mark.parametrize("kind", ["http", "websocket"])
def test_the_gate_stops_requests_without_the_token(kind):
    gate = access.TokenGate(None, token=lambda: "Ab3dEf6hIj9lMn0p")  # type: ignore[arg-type]
    for headers in ([], [(b"authorization", b"Bearer wrong")], [(b"x-self-id", b"1")]):
        sent, reached = _run(gate, {"type": kind, "path": "/onebot/v11/", "headers": headers})
        assert not reached
        if kind == "http":
            assert sent[0]["status"] == 401
        else:
            assert sent == [{"type": "websocket.close", "code": 1008}]
    sent, reached = _run(
        gate,
        {"type": kind, "path": "/x", "headers": [(b"authorization", b"Bearer Ab3dEf6hIj9lMn0p")]},
    )
    assert reached and sent == []


def test_the_gate_is_open_without_a_token_and_for_lifespan():
    gate = access.TokenGate(None, token=lambda: None)  # type: ignore[arg-type]
    assert _run(gate, {"type": "http", "path": "/", "headers": []})[1]
    gate = access.TokenGate(None, token=lambda: "Ab3dEf6hIj9lMn0p")  # type: ignore[arg-type]
    assert _run(gate, {"type": "lifespan"})[1]


def test_only_signed_links_pass_the_gate_without_the_token():
    gate = access.TokenGate(None, token=lambda: "Ab3dEf6hIj9lMn0p")  # type: ignore[arg-type]
    link = {"type": "http", "method": "GET", "path": "/dutybot/files/abc", "headers": []}
    # The route behind it checks the link's own signature; the gate only lets the GET reach it.
    assert _run(gate, link)[1]
    for refused in (
        link | {"method": "POST"},
        link | {"path": "/onebot/v11/"},
        link | {"type": "websocket", "path": "/dutybot/files/x"},
    ):
        assert not _run(gate, refused)[1], refused
