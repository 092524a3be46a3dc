"""``dutybot check``: validate the unit file(s) and the database, print what was found."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="检查单位文件和数据库", description="检查单位文件和数据库，打印检查结果。")
    parser.add_argument("--unit", help="单位文件或文件夹（默认读取配置 DUTY_UNIT_FILE）")
    parser.add_argument("--no-db", action="store_true", help="只检查单位文件，不连数据库")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .unit import UnitFileError, load_units

    unit_path = args.unit or os.environ.get("DUTY_UNIT_FILE") or "config/duty.toml"
    try:
        units = load_units(Path(unit_path))
    except UnitFileError as error:
        print(error)
        return 1
    for unit in units:
        print(f"单位：{unit.name}（{unit.source}）")
        print(f"  服务的群：{'、'.join(map(str, unit.groups))}")
        print(f"  协调人：{'、'.join(map(str, unit.coordinators)) or '（未设置）'}")
        for site in unit.sites:
            aliases = f"，别名：{'、'.join(site.aliases)}" if site.aliases else ""
            print(f"  {site.kind}：{site.name}{aliases}")
        bound = sum(1 for m in unit.staff if m.qq)
        print(f"  人员：{len(unit.staff)} 人（已填 QQ 号 {bound} 人）")
        weekdays = "、".join("一二三四五六日"[d - 1] for d in unit.roster.weekdays)
        print(f"  排班：每周{weekdays}，每班 {unit.roster.per_shift} 人，"
              f"{unit.roster.start:%H:%M}-{unit.roster.end:%H:%M}")
        print(f"  问题类别：{'、'.join(unit.category_names)}")
    print("单位文件检查通过。")
    return 0
