from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.plugins.monthly.month import SHANGHAI, Month, build_november


@pytest.fixture
def served(database):
    from plugins.duty import units

    return units.for_group(700000001)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's DUTY_DATA_DIR (photos, exports, the signing key)."""
    import plugins.monthly

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(plugins.monthly.duty_settings, "duty_data_dir", data)
    return data


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch):
    """The bot's clock on 2 December 2026 (/月报 then means November)."""
    from dutybot import clock

    moment = datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)
    monkeypatch.setattr(clock, "now", lambda: moment)
    return moment.date()


@pytest.fixture(autouse=True)
def fresh_trend():
    from plugins.dashboard import trend

    trend.forget()
    yield
    trend.forget()


@pytest.fixture
async def november(served, data_dir: Path, today) -> Month:
    return await build_november(served, data_dir)
