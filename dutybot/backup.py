"""Online backups of the SQLite database, their rotation, and restoring one.

The copy is made with SQLite's backup API, which is consistent while the bot keeps writing
(a plain file copy of a database in WAL mode can miss committed pages or tear).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .db_lock import DatabaseBusy, exclusive

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KEEP_DAILY = 14
KEEP_MONTHLY = 12
# duty-2026-11-29-033000.db: the daily backups, rotated; duty-manual-…: made on request
# (/备份, dutybot backup), never deleted by the rotation.
_NAME = re.compile(r"^duty-(manual-)?(\d{4})-(\d{2})-(\d{2})(?:-\d{6}(?:-\d+)?)?\.db$")
# Names the backup a database was last restored from: the rotation keeps it.
RESTORED_FROM = "restored-from.txt"
# Tables a dutybot database must have: a file without them is not a dutybot backup.
REQUIRED_TABLES = {"duty_unit", "duty_staff", "duty_checkin", "alembic_version"}
_REVISION = re.compile(r"^revision(?:: *str)? *= *['\"]([0-9A-Za-z_]{1,64})['\"]", re.MULTILINE)


class BackupError(Exception):
    """A backup or restore that cannot be done; the text is for the operator."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    day: date
    manual: bool = False

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_name(moment: datetime, manual: bool = False) -> str:
    return f"duty-{'manual-' if manual else ''}{moment:%Y-%m-%d-%H%M%S}.db"


def make_backup(database: Path, folder: Path, moment: datetime, manual: bool = False) -> Path:
    """Copy the live database into ``folder`` and return the new file. A manual backup is
    kept apart from the rotation: two on one day are both kept, and only people delete them."""
    if not database.is_file():
        raise BackupError(f"找不到数据库文件 {database}")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(moment, manual)
    number = 1
    while target.exists():  # two backups within one second are both kept
        number += 1
        target = folder / backup_name(moment, manual).replace(".db", f"-{number}.db")
    partial = target.with_suffix(".part")
    try:
        with sqlite3.connect(database) as source, sqlite3.connect(partial) as copy:
            source.backup(copy)
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{error}") from error
    return target


def list_backups(folder: Path) -> list[BackupFile]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            manual, *day = match.groups()
            found.append(BackupFile(path, date(*map(int, day)), manual=bool(manual)))
    return sorted(found, key=lambda b: b.path.name)


def to_delete(backups: Iterable[BackupFile], protected: Path | None = None) -> list[BackupFile]:
    """Of the daily backups, keep the newest of each of the last ``KEEP_DAILY`` days that have
    one, and the newest of each of the last ``KEEP_MONTHLY`` months; the others go. Manual
    backups and ``protected`` (the file last restored from) are never deleted."""
    backups = [b for b in backups if not b.manual]
    newest_per_day: dict[date, BackupFile] = {}
    for backup in sorted(backups, key=lambda b: b.path.name):
        newest_per_day[backup.day] = backup
    days = sorted(newest_per_day, reverse=True)
    keep = {newest_per_day[d].path for d in days[:KEEP_DAILY]}
    newest_per_month: dict[tuple[int, int], BackupFile] = {}
    for day in sorted(newest_per_day):
        newest_per_month[(day.year, day.month)] = newest_per_day[day]
    months = sorted(newest_per_month, reverse=True)
    keep |= {newest_per_month[m].path for m in months[:KEEP_MONTHLY]}
    return [b for b in backups if b.path not in keep and b.path != protected]


def restored_from(folder: Path) -> Path | None:
    """The backup in ``folder`` that the database was last restored from, if any."""
    try:
        name = (folder / RESTORED_FROM).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return folder / name if name and Path(name).name == name else None


def rotate(folder: Path) -> list[Path]:
    """Delete the daily backups the rotation no longer keeps; returns them."""
    removed = []
    for backup in to_delete(list_backups(folder), restored_from(folder)):
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def known_revisions(root: Path = PROJECT_ROOT) -> set[str]:
    """The migration revisions this version of dutybot ships (``plugins/*/migrations``)."""
    found = set()
    for script in root.glob("plugins/*/migrations/*.py"):
        match = _REVISION.search(script.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return found


def check_backup(path: Path, revisions: set[str] | None = None) -> None:
    """A readable, intact dutybot database that this version can run on, or BackupError
    saying what is wrong. ``revisions``: the known migrations (default: this project's)."""
    if path.is_dir():
        raise BackupError(f"{path} 是文件夹，请写备份文件的路径，如 data/backups/duty-….db")
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {
                row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            versions = (
                {row[0] for row in db.execute("SELECT version_num FROM alembic_version")}
                if "alembic_version" in tables
                else set()
            )
            broken_links = db.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as error:
        raise BackupError(f"{path.name} 不是可用的 SQLite 数据库（{error}）") from error
    if result != "ok":
        raise BackupError(f"{path.name} 已损坏（{result}）")
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError(
            f"{path.name} 不是值班机器人的数据库（缺少 {'、'.join(sorted(missing))}）"
        )
    if not versions:
        raise BackupError(f"{path.name} 没有数据库版本记录（alembic_version 为空），不能用来恢复")
    unknown = versions - (known_revisions() if revisions is None else revisions)
    if unknown:
        raise BackupError(
            f"{path.name} 来自更新版本的值班机器人（数据库版本 {'、'.join(sorted(unknown))}），"
            "请先把机器人升级到那个版本"
        )
    if broken_links:
        tables_hit = sorted({str(row[0]) for row in broken_links})
        raise BackupError(
            f"{path.name} 有 {len(broken_links)} 条记录引用了不存在的数据"
            f"（{'、'.join(tables_hit[:5])}），不能用来恢复"
        )


def restore(
    backup: Path,
    database: Path,
    keep_folder: Path,
    moment: datetime,
    revisions: set[str] | None = None,
) -> Path | None:
    """Replace ``database`` with ``backup``. The current database, if any, is first saved to
    ``keep_folder`` (returned), so a restore can itself be undone. Refused while any process
    uses the database: the file would be replaced under its open connections, and whatever it
    wrote afterwards would vanish."""
    check_backup(backup, revisions)
    try:
        with exclusive(database):
            return _swap_in(backup, database, keep_folder, moment)
    except DatabaseBusy as error:
        raise BackupError(str(error)) from None


def _swap_in(backup: Path, database: Path, keep_folder: Path, moment: datetime) -> Path | None:
    saved = None
    if database.is_file():
        keep_folder.mkdir(parents=True, exist_ok=True)
        saved = keep_folder / f"before-restore-{moment:%Y-%m-%d-%H%M%S}.db"
        with sqlite3.connect(database) as source, sqlite3.connect(saved) as copy:
            source.backup(copy)
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".restoring")
    partial.unlink(missing_ok=True)
    # Through SQLite, not a file copy: a backup in WAL mode keeps recent pages in its -wal.
    with sqlite3.connect(backup) as source, sqlite3.connect(partial) as copy:
        source.backup(copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    partial.replace(database)
    if backup.resolve().parent == keep_folder.resolve():
        # The next daily rotation must not delete the file the data now comes from.
        (keep_folder / RESTORED_FROM).write_text(backup.name + "\n", encoding="utf-8")
    return saved
