"""``dutybot demo --dir``: a second run starts clean; a folder of other files is left alone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from dutybot.simulator import PROJECT_ROOT


def demo(cwd, *args):
    import os

    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "dutybot", "demo", "--days", "1", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def figures(folder):
    with sqlite3.connect(folder / "data" / "duty.db") as db:
        return (
            db.execute("SELECT COUNT(*), SUM(quantity) FROM ledger_problem").fetchone(),
            db.execute("SELECT COUNT(*) FROM duty_checkin").fetchone(),
            db.execute("SELECT COUNT(*) FROM reports_dailyreport").fetchone(),
        )


def test_a_second_demo_in_the_same_folder_starts_clean(tmp_path):
    first = demo(tmp_path, "--dir", "演示")
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    once = figures(tmp_path / "演示")
    assert once[0][0] > 0

    second = demo(tmp_path, "--dir", "演示")
    assert second.returncode == 0, second.stdout[-2000:] + second.stderr[-2000:]
    assert second.stdout.splitlines()[0] == (
        f"清除了这个文件夹里上次演示的数据，从头开始：{tmp_path / '演示'}"
    )
    assert figures(tmp_path / "演示") == once
    month_report = [line for line in second.stdout.splitlines() if "发现问题" in line]
    assert month_report == [line for line in first.stdout.splitlines() if "发现问题" in line]


def test_a_folder_with_other_files_or_a_file_is_refused(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "工作.docx").write_bytes(b"x")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    refused = demo(tmp_path, "--dir", "mine")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.strip() == (
        f"文件夹 {tmp_path / 'mine'} 里已经有别的文件；演示需要一个新的（或空的）文件夹，"
        "请换一个 --dir，或不写 --dir"
    )
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["工作.docx"]
    a_file = demo(tmp_path, "--dir", "a.txt")
    assert a_file.returncode == 1
    assert a_file.stderr.strip() == (
        f"{tmp_path / 'a.txt'} 是文件，不是文件夹；请用 --dir 写一个新文件夹的路径"
    )
