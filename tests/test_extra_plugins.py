"""``DUTY_EXTRA_PLUGINS`` loads nothing unless set: only the benchmarks set it."""

from __future__ import annotations

import pytest
from dotenv import dotenv_values

import bot


def test_no_extra_plugins_by_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("DUTY_EXTRA_PLUGINS", raising=False)
    assert bot.extra_plugins() == []


def test_the_shipped_settings_load_no_extra_plugins():
    settings = {k.lower(): v for k, v in dotenv_values(bot.ENV_FILE).items()}
    assert not settings.get("duty_extra_plugins")
    assert "duty_extra_plugins" not in bot.DEFAULTS


def test_extra_plugins_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DUTY_EXTRA_PLUGINS", '["bench.echo_plugin"]')
    assert bot.extra_plugins() == ["bench.echo_plugin"]
