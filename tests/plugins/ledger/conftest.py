from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import UNIT_FILE

OTHER_GROUP = 700000002


@pytest.fixture
def served(database):
    """The test unit as the bot serves it (ids in this test's database)."""
    from plugins.duty import units

    return units.for_group(700000001)


@pytest.fixture
async def two_units(database, tmp_path: Path):
    """The test unit and 市商务局 (group 700000002) served together."""
    from nonebot_plugin_orm import get_session

    from plugins.duty import units

    folder = tmp_path / "units"
    folder.mkdir()
    text = UNIT_FILE.read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    (folder / "b.toml").write_text(
        text.replace('name = "市外侨办"', 'name = "市商务局"').replace(
            "700000001", str(OTHER_GROUP)
        ),
        encoding="utf-8",
    )
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))
    return units.for_group(700000001), units.for_group(OTHER_GROUP)


@pytest.fixture
def photo_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Photos of this test go under tmp_path; downloads are not retried with a wait."""
    import plugins.ledger
    from plugins.ledger import photos

    data = tmp_path / "data"
    monkeypatch.setattr(plugins.ledger.duty_settings, "duty_data_dir", data)
    monkeypatch.setattr(photos, "BACKOFF", (0, 0))
    return data
