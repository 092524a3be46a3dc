from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dutybot.simulator import BotProcess, SimulatedQQ

TESTS = Path(__file__).resolve().parent.parent


@pytest.fixture
def unit_file(tmp_path: Path) -> Path:
    path = tmp_path / "unit.toml"
    shutil.copy(TESTS / "data" / "unit.toml", path)
    return path


@pytest.fixture
def bot_process(tmp_path: Path, unit_file: Path, bot_database_url):
    process = BotProcess(tmp_path / "data", unit_file, database_url=bot_database_url)
    process.start()
    yield process
    process.stop()


@pytest.fixture
async def qq(bot_process: BotProcess):
    client = SimulatedQQ(bot_process.url, access_token=bot_process.access_token)
    await client.connect()
    yield client
    await client.close()
