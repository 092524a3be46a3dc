from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugins.monthly.month import Month, build_november


@pytest.fixture
def served(database):
    from plugins.duty import units

    return units.for_group(700000001)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's DUTY_DATA_DIR (photos, exports)."""
    import plugins.monthly

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(plugins.monthly.duty_settings, "duty_data_dir", data)
    return data


@pytest.fixture
async def november(served, data_dir: Path) -> Month:
    return await build_november(served, data_dir)
