"""Every setting checked before the bot starts.

nonebot and the plugins validate their settings one by one while they load: a wrong value
then shows as a traceback, or a plugin is silently left out and the bot "runs" without it
(a mistyped ``DUTY_TIMEZONE`` loaded no plugin at all; ``DUTY_BACKUP_TIME=25:99`` no backups).
Here the values are read the way nonebot reads them (the environment over ``config/.env``,
keys in any case) and checked before anything loads; the first wrong one stops the start
with one line naming the key, where it was set, what is wrong and a value that works.

Plain Python: ``dutybot check`` and ``bot.py`` use it before nonebot is imported.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

LOG_LEVELS = ("TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL")
# The async drivers each database needs (the bot's engine is asynchronous), and the pip
# package that brings the driver.
DRIVERS = {"sqlite": ("aiosqlite",), "postgresql": ("asyncpg", "psycopg")}
POSTGRES_EXAMPLE = "postgresql+asyncpg://用户名:密码@127.0.0.1:5432/dutybot"
SQLITE_EXAMPLE = "sqlite+aiosqlite:///data/duty.db"


class SettingError(Exception):
    """A setting that stops the start; ``str()`` is the one line to show."""


class Complete(str):
    """A problem that says what to do itself: no example value follows it."""


@dataclass(frozen=True)
class Value:
    key: str  # as written, e.g. PORT
    text: str
    where: str  # 环境变量 or config/.env


Check = Callable[[str, Path], str | None]
"""A value's problem in a few Chinese words, or None when it is good."""


def configured(
    env_file: Path, environ: Mapping[str, str], label: str = "config/.env"
) -> dict[str, Value]:
    """Every setting that is given, by lower-case key: the environment over ``env_file`` over
    the project's ``.env`` (which nonebot reads too, last)."""
    from dotenv import dotenv_values

    values: dict[str, Value] = {}
    project_env = env_file.parent.parent / ".env"
    for path, name in ((project_env, ".env"), (env_file, label)):
        if not path.is_file() or (path == env_file and name == ".env"):
            continue
        try:
            in_file = dotenv_values(path, encoding="utf-8")
        except UnicodeDecodeError:
            raise SettingError(f"设置文件 {name} 不是 UTF-8 编码的文本，请用 UTF-8 保存") from None
        for key, text in in_file.items():
            if text is not None:
                values[key.lower()] = Value(key, text, name)
    for key, text in environ.items():
        if key.lower() in CHECKS:
            values[key.lower()] = Value(key, text, "环境变量")
    return values


def check_settings(
    env_file: Path,
    environ: Mapping[str, str] | None = None,
    *,
    root: Path | None = None,
    skip: Collection[str] = (),
    label: str = "config/.env",
) -> None:
    """Raise SettingError for the first wrong setting. Keys in ``skip`` (given by the program
    itself) are not checked; relative paths are taken from ``root``."""
    root = root or env_file.parent.parent
    skipped = {key.lower() for key in skip}
    values = configured(env_file, os.environ if environ is None else environ, label)
    for key, (check, example) in CHECKS.items():
        value = values.get(key)
        if value is None or key in skipped:
            continue
        problem = check(value.text.strip(), root)
        if problem:
            shown = _shown(key, value.text)
            if key == "sqlalchemy_database_url":
                example = database_example(value.text)
            line = f"设置有误 {value.key.upper()}={shown}（{value.where}）：{problem}"
            if not isinstance(problem, Complete):
                line += f"，例如 {value.key.upper()}={example}"
            raise SettingError(line)


def _shown(key: str, text: str) -> str:
    """The value as the line shows it: a database password is never shown."""
    if key == "sqlalchemy_database_url":
        try:
            from sqlalchemy.engine import make_url

            return make_url(text.strip()).render_as_string(hide_password=True)
        except Exception:
            return text.split("@")[-1]
    return text if len(text) <= 60 else text[:57] + "…"


# ---------------------------------------------------------------------------------------------
# The checks


def _host(text: str, root: Path) -> str | None:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return "应是 IP 地址（本机用 127.0.0.1，对外监听用 0.0.0.0）"
    return None


def _port(text: str, root: Path) -> str | None:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        return "端口应是 1 到 65535 之间的整数"
    return None


def _json_list(what: str) -> Check:
    def check(text: str, root: Path) -> str | None:
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"应写成 JSON 列表（方括号，每个{what}带英文双引号）"
        return None

    return check


def _log_level(text: str, root: Path) -> str | None:
    if text not in LOG_LEVELS and not text.isdigit():
        return f"日志级别只能是 {'、'.join(LOG_LEVELS)} 之一（大写）"
    return None


def _database_url(text: str, root: Path) -> str | None:
    from sqlalchemy.engine import make_url

    if not text:
        return "不能为空"
    try:
        url = make_url(text)
    except Exception:
        return "写法不对"
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend not in DRIVERS:
        return "只支持 SQLite 和 PostgreSQL"
    if "+" not in url.drivername or driver not in DRIVERS[backend]:
        return f"要写明异步驱动 {backend}+{DRIVERS[backend][0]}"
    if importlib.util.find_spec(driver) is None:
        if backend == "postgresql":
            return Complete(
                f"没有安装 {driver}，用 python start.py 启动会自动安装"
                '（或运行 pip install -e ".[postgres]"）'
            )
        return Complete(f"没有安装 {driver}，用 python start.py 启动会自动安装")
    if backend == "sqlite" and url.database and url.database != ":memory:":
        file = Path(url.database)
        file = file if file.is_absolute() else root / file
        if file.is_dir():
            return "数据库文件的位置是一个文件夹"
    return None


def _timezone(text: str, root: Path) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        return "不是已知的时区"
    return None


def _clock_time(text: str, root: Path) -> str | None:
    if not text:
        return None  # empty turns the daily backup off
    hours, colon, minutes = text.partition(":")
    if not (
        colon
        and hours.isdigit()
        and len(minutes) == 2
        and minutes.isdigit()
        and int(hours) < 24
        and int(minutes) < 60
    ):
        return "应写成 24 小时制的 时:分（留空则不自动备份）"
    return None


def _positive_number(text: str, root: Path) -> str | None:
    try:
        number = float(text)
    except ValueError:
        return "应是大于 0 的数"
    if not number > 0 or number == float("inf"):
        return "应是大于 0 的数"
    return None


def _positive_integer(text: str, root: Path) -> str | None:
    if not text.isdigit() or int(text) < 1:
        return "应是大于 0 的整数"
    return None


def _folder(text: str, root: Path) -> str | None:
    if not text:
        return "不能为空"
    path = Path(text)
    path = path if path.is_absolute() else root / path
    if path.exists() and not path.is_dir():
        return "这是一个文件，应是文件夹"
    return None


def _json_object(text: str, root: Path) -> str | None:
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        return "应写成 JSON 对象（花括号，键和文字带英文双引号）"
    return None


def _boolean(text: str, root: Path) -> str | None:
    if text.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        return "只能是 true 或 false"
    return None


CHECKS: dict[str, tuple[Check, str]] = {
    "host": (_host, "127.0.0.1"),
    "port": (_port, "8080"),
    "command_start": (_json_list("前缀"), '["/", "／"]'),
    "command_sep": (_json_list("分隔符"), '["."]'),
    "superusers": (_json_list("QQ 号"), '["10001"]'),
    "nickname": (_json_list("昵称"), '["值班机器人"]'),
    "log_level": (_log_level, "INFO"),
    "sqlalchemy_database_url": (_database_url, SQLITE_EXAMPLE),
    "alembic_startup_check": (_boolean, "true"),
    "localstore_data_dir": (_folder, "data/store"),
    "localstore_cache_dir": (_folder, "data/cache"),
    "localstore_config_dir": (_folder, "data/store-config"),
    "duty_timezone": (_timezone, "Asia/Shanghai"),
    "duty_data_dir": (_folder, "data"),
    "duty_send_rate": (_positive_number, "1"),
    "duty_send_burst": (_positive_integer, "5"),
    "duty_backup_time": (_clock_time, "03:30"),
    "duty_extra_plugins": (_json_list("模块路径"), "[]"),
    "apscheduler_config": (_json_object, '{"apscheduler.timezone": "Asia/Shanghai"}'),
}
"""Each key's check and a value that works. DUTY_UNIT_FILE has its own, fuller check."""


def database_example(text: str) -> str:
    """A working URL of the same kind as ``text`` (a PostgreSQL one for PostgreSQL)."""
    return POSTGRES_EXAMPLE if text.strip().lower().startswith("postgres") else SQLITE_EXAMPLE
