"""Test setup: nonebot initialised once per session, a fresh database for every test.

Set ``DUTY_TEST_DATABASE_URL`` (e.g. a PostgreSQL URL) to run the suite against another
database; by default each test gets its own SQLite file under ``tmp_path``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nonebot
import pytest
from hypothesis import HealthCheck, settings
from nonebug import NONEBOT_INIT_KWARGS, NONEBOT_START_LIFESPAN, App

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
UNIT_FILE = TESTS / "data" / "unit.toml"
GROUP = 700000001
COORDINATOR = 10001
SUPERUSER = 99999

_session_dir = Path(tempfile.mkdtemp(prefix="dutybot-tests-"))

# CI runs the same examples every time (a failure there must be reproducible); a developer's
# run explores new ones and remembers failures in .hypothesis/.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[NONEBOT_INIT_KWARGS] = {
        "driver": "~fastapi",
        "log_level": "WARNING",
        "command_start": {"/", "／"},
        "superusers": {str(SUPERUSER)},
        "sqlalchemy_database_url": os.environ.get("DUTY_TEST_DATABASE_URL")
        or f"sqlite+aiosqlite:///{_session_dir / 'session.db'}",
        "alembic_startup_check": False,
        "localstore_data_dir": str(_session_dir / "store"),
        "localstore_cache_dir": str(_session_dir / "cache"),
        "localstore_config_dir": str(_session_dir / "config"),
        "duty_unit_file": str(UNIT_FILE),
        "duty_timezone": "Asia/Shanghai",
        "duty_data_dir": str(_session_dir / "data"),
        "duty_send_rate": 1000.0,
        "duty_send_burst": 1000,
        # The test photo server is on loopback (tests/photo_server.py).
        "duty_photo_private_networks": ["127.0.0.1/32"],
    }
    config.stash[NONEBOT_START_LIFESPAN] = False


@pytest.fixture(scope="session", autouse=True)
async def after_nonebot_init(after_nonebot_init: None) -> None:
    from dutybot.onebot_adapter import Adapter

    driver = nonebot.get_driver()
    driver.register_adapter(Adapter)
    nonebot.load_plugins(str(ROOT / "plugins"))
    _dispatch_commands()


def _dispatch_commands() -> None:
    """What the bot does at startup (the lifespan does not run here): one matcher dispatches the
    commands. nonebug marks the matchers of nonebot's registry for its checks; the dispatched
    ones get the same mark."""
    from plugins.duty import dispatch

    dispatch.install()
    for matcher in dispatch.dispatched():
        matcher._default_state = {**matcher._default_state, "__nonebug_matcher__": matcher}


@pytest.fixture
async def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A fresh, empty database with the unit file synced into it."""
    import nonebot_plugin_orm
    from nonebot_plugin_orm import Model, get_session

    from plugins.duty import inbox, pending, service, units, upload

    url = os.environ.get("DUTY_TEST_DATABASE_URL")
    if not url:
        url = f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setattr(nonebot_plugin_orm.plugin_config, "sqlalchemy_database_url", url)
    nonebot_plugin_orm._init_orm()
    engine = nonebot_plugin_orm._engines[""]
    async with engine.begin() as connection:
        await connection.run_sync(Model.metadata.drop_all)
        await connection.run_sync(Model.metadata.create_all)

    async with get_session() as session:
        await units.activate(session, units.read_unit_files(UNIT_FILE))
    pending.clear()
    inbox.forget_recent()
    service.forget_people()
    upload.forget_what_worked()
    yield engine
    await engine.dispose()


@pytest.fixture
async def bot_database_url():
    """A database of its own for a bot process: None (the process's own SQLite file), or a
    fresh PostgreSQL database on the server of ``DUTY_TEST_DATABASE_URL``."""
    base = os.environ.get("DUTY_TEST_DATABASE_URL")
    if not base:
        yield None
        return
    import uuid

    import sqlalchemy as sa
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    url = make_url(base)
    name = f"dutybot_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    async with admin.connect() as connection:
        await connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture
async def app(database) -> App:
    return App()
