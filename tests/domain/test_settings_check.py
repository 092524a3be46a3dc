"""Every setting is checked before the bot starts: one line with the key and a good value."""

from __future__ import annotations

import pytest

from dutybot.settings_check import CHECKS, SettingError, check_settings


def check(tmp_path, environ=None, env_text=""):
    env_file = tmp_path / "config" / ".env"
    env_file.parent.mkdir(exist_ok=True)
    env_file.write_text(env_text, encoding="utf-8")
    check_settings(env_file, environ or {}, root=tmp_path)


def problem(tmp_path, environ=None, env_text="") -> str:
    with pytest.raises(SettingError) as raised:
        check(tmp_path, environ, env_text)
    return str(raised.value)


def test_the_shipped_settings_pass(tmp_path):
    from dutybot.simulator import PROJECT_ROOT

    check(tmp_path, env_text=(PROJECT_ROOT / "config" / ".env").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("key", "value", "line"),
    [
        (
            "DUTY_TIMEZONE",
            "Asia/Shangai",
            "设置有误 DUTY_TIMEZONE=Asia/Shangai（环境变量）：不是已知的时区，"
            "例如 DUTY_TIMEZONE=Asia/Shanghai",
        ),
        (
            "DUTY_BACKUP_TIME",
            "25:99",
            "设置有误 DUTY_BACKUP_TIME=25:99（环境变量）：应写成 24 小时制的 时:分（留空则不自动备份），"
            "例如 DUTY_BACKUP_TIME=03:30",
        ),
        (
            "PORT",
            "abc",
            "设置有误 PORT=abc（环境变量）：端口应是 1 到 65535 之间的整数，例如 PORT=8080",
        ),
        (
            "COMMAND_START",
            "/",
            "设置有误 COMMAND_START=/（环境变量）：应写成 JSON 列表（方括号，每个前缀带英文双引号），"
            '例如 COMMAND_START=["/", "／"]',
        ),
        (
            "HOST",
            "localhost",
            "设置有误 HOST=localhost（环境变量）：应是 IP 地址（本机用 127.0.0.1，对外监听用 0.0.0.0），"
            "例如 HOST=127.0.0.1",
        ),
        (
            "DUTY_SEND_RATE",
            "0",
            "设置有误 DUTY_SEND_RATE=0（环境变量）：应是大于 0 的数，例如 DUTY_SEND_RATE=1",
        ),
        (
            "SQLALCHEMY_DATABASE_URL",
            "postgresql://duty:secret@db/duty",
            "设置有误 SQLALCHEMY_DATABASE_URL=postgresql://duty:***@db/duty（环境变量）："
            "要写明异步驱动 postgresql+asyncpg，"
            "例如 SQLALCHEMY_DATABASE_URL=postgresql+asyncpg://用户名:密码@127.0.0.1:5432/dutybot",
        ),
        (
            "SQLALCHEMY_DATABASE_URL",
            "sqlite:///data/duty.db",
            "设置有误 SQLALCHEMY_DATABASE_URL=sqlite:///data/duty.db（环境变量）："
            "要写明异步驱动 sqlite+aiosqlite，"
            "例如 SQLALCHEMY_DATABASE_URL=sqlite+aiosqlite:///data/duty.db",
        ),
    ],
)
def test_a_wrong_value_is_named_with_a_good_one(tmp_path, key, value, line):
    assert problem(tmp_path, {key: value}) == line


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("PORT", ""),
        ("PORT", "70000"),
        ("SUPERUSERS", "10001"),
        ("SUPERUSERS", "[10001]"),
        ("LOG_LEVEL", "info"),
        ("DUTY_SEND_BURST", "1.5"),
        ("DUTY_SEND_RATE", "nan"),
        ("DUTY_BACKUP_TIME", "3:3"),
        ("APSCHEDULER_CONFIG", "Asia/Shanghai"),
        ("DUTY_EXTRA_PLUGINS", "bench.echo_plugin"),
        ("ALEMBIC_STARTUP_CHECK", "maybe"),
        ("SQLALCHEMY_DATABASE_URL", ""),
        ("SQLALCHEMY_DATABASE_URL", "mysql+aiomysql://u@h/d"),
        ("SQLALCHEMY_DATABASE_URL", "not a url"),
    ],
)
def test_every_checked_key_refuses_nonsense(tmp_path, key, value):
    line = problem(tmp_path, {key: value})
    assert line.startswith(f"设置有误 {key}=")
    assert "\n" not in line


def test_good_values_pass(tmp_path):
    check(
        tmp_path,
        {
            "PORT": "8081",
            "HOST": "0.0.0.0",
            "DUTY_BACKUP_TIME": "",
            "DUTY_SEND_RATE": "0.5",
            "SUPERUSERS": '["10001", "10002"]',
            "LOG_LEVEL": "DEBUG",
            "DUTY_TIMEZONE": "Asia/Urumqi",
            "DUTY_EXTRA_PLUGINS": '["bench.echo_plugin"]',
        },
    )


def test_the_file_is_named_and_the_environment_wins(tmp_path):
    assert problem(tmp_path, env_text="port=abc\n").startswith("设置有误 PORT=abc（config/.env）")
    check(tmp_path, {"PORT": "8080"}, env_text="PORT=abc\n")


def test_a_missing_database_driver_says_how_to_install_it(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "asyncpg" else real(name)
    )
    line = problem(tmp_path, {"SQLALCHEMY_DATABASE_URL": "postgresql+asyncpg://u:pw@h/d"})
    assert line == (
        "设置有误 SQLALCHEMY_DATABASE_URL=postgresql+asyncpg://u:***@h/d（环境变量）："
        '没有安装 asyncpg，用 python start.py 启动会自动安装（或运行 pip install -e ".[postgres]"）'
    )


def test_a_gbk_env_file_is_one_line(tmp_path):
    env_file = tmp_path / "config" / ".env"
    env_file.parent.mkdir()
    env_file.write_bytes("# 设置\nPORT=8080\n".encode("gbk"))
    with pytest.raises(SettingError, match=r"^设置文件 config/\.env 不是 UTF-8 编码的文本"):
        check_settings(env_file, {}, root=tmp_path)


def test_the_readme_lists_every_checked_key():
    from dutybot.simulator import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    documented = {key for key in CHECKS if f"`{key.upper()}`" in readme}
    assert documented >= set(CHECKS) - {"command_sep", "nickname", "alembic_startup_check"} - {
        "localstore_data_dir",
        "localstore_cache_dir",
        "localstore_config_dir",
    }


def test_the_project_env_file_nonebot_also_reads_is_checked(tmp_path):
    (tmp_path / ".env").write_text("DUTY_TIMEZONE=Mars/Olympus\nPORT=abc\n", encoding="utf-8")
    assert problem(tmp_path, env_text="PORT=8080\n") == (
        "设置有误 DUTY_TIMEZONE=Mars/Olympus（.env）：不是已知的时区，例如 DUTY_TIMEZONE=Asia/Shanghai"
    )
