"""Start dutybot: ``python bot.py``.

Settings come from ``config/.env`` (next to this file, whatever the working directory), and
every key can be overridden by an environment variable. Relative paths in the settings are
relative to this folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn, TextIO, cast

ROOT = Path(__file__).resolve().parent
ENV_FILE = ROOT / "config" / ".env"

# Used for keys set neither in config/.env nor in the environment.
DEFAULTS: dict[str, object] = {
    "host": "127.0.0.1",
    "port": 8080,
    "command_start": ["/", "／"],
    "sqlalchemy_database_url": "sqlite+aiosqlite:///data/duty.db",
    "localstore_data_dir": "data/store",
    "localstore_cache_dir": "data/cache",
    "localstore_config_dir": "data/store-config",
    "duty_unit_file": "config/duty.toml",
    "duty_timezone": "Asia/Shanghai",
}


def _missing_defaults() -> dict[str, object]:
    from dotenv import dotenv_values

    in_file = {k.lower() for k in dotenv_values(ENV_FILE)} if ENV_FILE.is_file() else set()
    in_env = {k.lower() for k in os.environ}
    return {k: v for k, v in DEFAULTS.items() if k not in in_file and k not in in_env}


class SetupError(Exception):
    """Something in the setup that stops the start; its text is the one line to show."""


def _configured(key: str, overrides: dict[str, object]) -> list[str]:
    """Every value ``key`` has in the overrides, the environment and config/.env."""
    from dotenv import dotenv_values

    values = [overrides.get(key.lower())]
    values += [v for k, v in os.environ.items() if k.lower() == key.lower()]
    if ENV_FILE.is_file():
        values += [v for k, v in dotenv_values(ENV_FILE).items() if k.lower() == key.lower()]
    return [str(v) for v in values if v]


class _RedactingStream:
    """Standard output with the secrets blanked out of everything written to it."""

    def __init__(self, stream, secrets: set[str]) -> None:
        self._stream = stream
        self._secrets = sorted(secrets, key=len, reverse=True)

    def write(self, text: str) -> None:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()


def hide_secrets_in_logs(overrides: dict[str, object]) -> None:
    """The access token and database passwords never reach the log (nonebot prints its whole
    configuration at DEBUG): its console handler is replaced by one that blanks them out."""
    from sqlalchemy.engine import make_url

    secrets = set(_configured("onebot_access_token", overrides))
    for url in _configured("sqlalchemy_database_url", overrides):
        try:
            password = make_url(url).password
        except Exception:
            continue
        if password:
            secrets.add(str(password))
    secrets = {secret for secret in secrets if len(secret) >= 3}
    if secrets:
        _replace_console(cast(TextIO, _RedactingStream(sys.stdout, secrets)), 0)


_console: TextIO = sys.stdout


def _replace_console(sink: TextIO, level: int | str) -> None:
    """nonebot's console handler again, on ``sink`` from ``level`` up."""
    global _console
    import nonebot.log

    try:
        nonebot.log.logger.remove(nonebot.log.logger_id)
    except ValueError:  # the command line replaced it already (warnings on stderr only)
        return
    _console = sink
    nonebot.log.logger_id = nonebot.log.logger.add(
        sink,
        level=level,
        diagnose=False,
        filter=nonebot.log.default_filter,
        format=nonebot.log.default_format,
    )


def log_from_configured_level() -> None:
    """nonebot's console handler takes every record (level 0) and filters by ``LOG_LEVEL``:
    each of the several debug lines nonebot logs per message is still made, patched and
    filtered (~0.4 ms a message). From the configured level up, loguru skips them outright."""
    import nonebot

    _replace_console(_console, nonebot.get_driver().config.log_level)


def fail(line: str) -> NoReturn:
    raise SetupError(line)


def init(**overrides: object) -> None:
    """Initialise nonebot, check the setup, and load the plugins (without serving)."""
    os.chdir(ROOT)
    _check_settings(overrides)
    import nonebot

    from dutybot.access import TokenGate
    from dutybot.onebot_adapter import Adapter as OneBotV11Adapter

    hide_secrets_in_logs(overrides)
    nonebot.init(_env_file=str(ENV_FILE), **(_missing_defaults() | overrides))
    log_from_configured_level()
    driver = nonebot.get_driver()
    token = _start_settings().onebot_access_token
    _check_connection_security(str(driver.config.host), token)
    # Every request to the server, on any path, shows the token before a route sees it.
    nonebot.get_app().add_middleware(TokenGate, token=lambda: token)
    _check_unit_file()
    _prepare_sqlite_folder()

    driver.register_adapter(OneBotV11Adapter)
    # Registered before any plugin, so it runs before nonebot-plugin-orm's startup check.
    driver.on_startup(upgrade_database)
    nonebot.load_plugins(str(ROOT / "plugins"))
    _check_plugins_loaded()
    driver.on_startup(freeze_startup_objects)
    for module in extra_plugins():
        if nonebot.load_plugin(module) is None:
            fail(f"DUTY_EXTRA_PLUGINS 里的插件 {module} 加载失败（见上面的日志）")


def _check_settings(overrides: dict[str, object]) -> None:
    # Before nonebot reads them: its own checks end in tracebacks or in a plugin left out.
    from dutybot.settings_check import SettingError, check_settings

    try:
        check_settings(ENV_FILE, root=ROOT, skip=overrides)
    except SettingError as error:
        fail(str(error))


def _check_plugins_loaded() -> None:
    # nonebot logs a plugin that fails to load and serves on without it: a bot that says
    # "Uvicorn running" and answers nothing. Not starting at all is clearer.
    import nonebot

    loaded = {plugin.module_name for plugin in nonebot.get_loaded_plugins()}
    folders = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").is_file())
    missing = [name for name in folders if f"plugins.{name}" not in loaded]
    if missing:
        fail(f"插件 {'、'.join(missing)} 加载失败（原因见上面的日志）")


def _check_connection_security(host: str, token: str | None) -> None:
    from dutybot.access import token_problem

    problem = token_problem(host, token)
    if problem:
        fail(problem)


def _start_settings():
    # Read before the plugins load (importing plugins.duty here would register it twice).
    from nonebot import get_plugin_config
    from pydantic import BaseModel

    class StartSettings(BaseModel):
        duty_unit_file: Path = Path("config/duty.toml")
        sqlalchemy_database_url: str = ""
        onebot_access_token: str | None = None
        duty_extra_plugins: list[str] = []
        """Module paths of plugins loaded after ``plugins/`` (a JSON list). Empty in every
        deployment; the benchmarks set it to load their echo command (``bench.echo_plugin``)
        into the bot process they measure."""

    return get_plugin_config(StartSettings)


def extra_plugins() -> list[str]:
    """The plugins named by ``DUTY_EXTRA_PLUGINS``, loaded after the bot's own."""
    return list(_start_settings().duty_extra_plugins)


def _check_unit_file() -> None:
    from dutybot.unit import UnitFileError, load_units

    try:
        load_units(_start_settings().duty_unit_file)
    except UnitFileError as error:
        fail(str(error))


def _prepare_sqlite_folder() -> None:
    from sqlalchemy.engine import make_url

    url = _start_settings().sqlalchemy_database_url
    if not url:
        return
    try:
        parsed = make_url(url)
    except Exception:
        fail(f"SQLALCHEMY_DATABASE_URL 写法不对：{url.split('@')[-1]}")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            from dutybot.files import why

            fail(f"无法创建数据库文件夹 {folder}（{why(error)}）")
        from dutybot.db_lock import unwritable_problem

        if problem := unwritable_problem(Path(parsed.database)):
            fail(problem)


async def upgrade_database() -> None:
    """Bring the database to the latest migration, never asking (unattended starts)."""
    from nonebot import logger
    from nonebot_plugin_orm import AlembicConfig, _init_orm, migrate
    from nonebot_plugin_orm.utils import StreamToLogger
    from sqlalchemy.util import greenlet_spawn

    from plugins.duty.database import migration_turn

    _init_orm()
    async with migration_turn():  # processes starting together migrate one at a time
        with AlembicConfig(stdout=StreamToLogger()) as alembic_config:
            await greenlet_spawn(migrate.upgrade, alembic_config)
    logger.info("数据库已是最新结构")
    await _refresh_statistics()


async def _refresh_statistics() -> None:
    """SQLite plans its queries from table statistics it only gathers when asked; without
    them the monthly figures of a large database take about twice as long."""
    import nonebot_plugin_orm
    import sqlalchemy as sa

    engine = nonebot_plugin_orm._engines[""]
    if engine.url.get_backend_name() != "sqlite":
        return
    async with engine.connect() as connection:
        # A bounded, approximate ANALYZE: quick even on years of data (SQLite 3.32+).
        await connection.execute(sa.text("PRAGMA analysis_limit=400"))
        await connection.execute(sa.text("ANALYZE"))
        await connection.commit()
    await engine.dispose()


def freeze_startup_objects() -> None:
    """Everything loaded at start (nonebot, SQLAlchemy, the plugins) lives as long as the
    process: taken out of the garbage collector's sight, so that its full collections, which
    otherwise stall a message every few seconds for ~100 ms, only look at new objects."""
    import gc

    gc.collect()
    gc.freeze()


def main() -> None:
    try:
        init()
    except SetupError as error:
        print(f"dutybot 无法启动：{error}", file=sys.stderr)
        raise SystemExit(1) from None
    import nonebot

    nonebot.run()


if __name__ == "__main__":
    main()
