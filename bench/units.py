"""Generated unit files for the benchmarks: a city's offices, each with its group, two sites
(a road section and a grid) and a staff list with QQ numbers. Deterministic."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

BUREAUS = (
    "外侨办", "发改委", "教育局", "科技局", "工信局", "民政局", "司法局", "财政局",
    "人社局", "自然资源局", "生态环境局", "住建局", "交通运输局", "水务局", "农业农村局",
    "商务局", "文旅局", "卫健委", "退役军人局", "应急管理局", "审计局", "国资委",
    "市场监管局", "统计局", "医保局", "信访局", "机关事务局", "城管局", "行政审批局",
    "档案馆", "地方志办", "总工会", "团委", "妇联", "科协", "侨联", "残联", "红十字会",
    "税务局", "供电公司",
)  # fmt: skip
DISTRICTS = ("市", "城关区", "南湖区", "高新区", "经开区")
STREETS = (
    "玄帝庙街", "车站西路", "铁北路", "人民路", "解放路", "中山路", "建设路", "文化路",
    "胜利街", "和平路", "新华路", "团结路", "光明街", "朝阳路", "长江路", "黄河路",
    "滨河路", "府前街", "学府路", "民主街", "幸福路", "迎宾路", "工业路", "红旗街",
)  # fmt: skip
STREET_OFFICES = ("南苑", "北关", "东城", "西城", "城南", "新城", "河东", "站前")
COMMUNITIES = (
    "凤凰城", "锦绣园", "东方红", "翠苑", "紫荆", "金桂", "阳光", "书香", "龙湖", "碧水",
)  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
GIVEN = (
    "晓明", "娜", "强", "海燕", "志远", "悦", "建国", "婷婷", "凯", "文静", "立新", "琳",
    "永军", "佳", "伟", "芳", "磊", "静", "敏", "丽", "军", "杰", "涛", "超", "秀英", "桂兰",
    "鹏", "华", "红梅", "宇", "浩", "欣怡", "子涵", "思远", "国庆", "建华", "春梅", "晨",
)  # fmt: skip
DEPARTMENTS = ("办公室", "综合科", "业务一科", "业务二科", "政策法规科", "财务科", "人事科")

GROUP_BASE = 810_000_000
QQ_BASE = 40_000_000
COORDINATOR_BASE = 90_000_000


@dataclass(frozen=True)
class Member:
    name: str
    department: str
    qq: int

    @property
    def card(self) -> str:
        """The group card people use: 科室-姓名."""
        return f"{self.department}-{self.name}"


@dataclass(frozen=True)
class BenchSite:
    name: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def alias(self) -> str:
        """How people write it in chat."""
        return self.aliases[0]


@dataclass(frozen=True)
class BenchUnit:
    index: int
    name: str
    group: int
    coordinator: int
    sites: tuple[BenchSite, BenchSite]
    staff: tuple[Member, ...]
    path: Path


def unit_name(index: int) -> str:
    district = DISTRICTS[(index // len(BUREAUS)) % len(DISTRICTS)]
    name = district + BUREAUS[index % len(BUREAUS)]
    rounds = index // (len(BUREAUS) * len(DISTRICTS))
    return f"{name}{rounds + 1}" if rounds else name


def make_unit(index: int, folder: Path, staff: int = 14) -> BenchUnit:
    rng = random.Random(index)
    street = STREETS[index % len(STREETS)]
    cross = rng.sample([s for s in STREETS if s != street], 2)
    side = rng.choice("东西南北")
    community = COMMUNITIES[index % len(COMMUNITIES)]
    office = STREET_OFFICES[index % len(STREET_OFFICES)]
    grid = index + 1
    sites = (
        BenchSite(
            f"{street}（{cross[0]}至{cross[1]}）路{side}",
            "路段",
            (street, f"{street}路{side}"),
        ),
        BenchSite(
            f"市{grid}网格（{office}街道{community}社区）",
            "网格",
            (f"{grid}网格", f"{community}社区", community),
        ),
    )
    names: list[str] = []
    while len(names) < staff:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    members = tuple(
        Member(name, DEPARTMENTS[i * len(DEPARTMENTS) // staff], QQ_BASE + index * 1000 + i)
        for i, name in enumerate(names)
    )
    return BenchUnit(
        index=index,
        name=unit_name(index),
        group=GROUP_BASE + index,
        coordinator=COORDINATOR_BASE + index,
        sites=sites,
        staff=members,
        path=folder / f"unit-{index:05d}.toml",
    )


def unit_toml(unit: BenchUnit) -> str:
    lines = [
        "[unit]",
        f'name = "{unit.name}"',
        f"groups = [{unit.group}]",
        f"coordinators = [{unit.coordinator}]",
        "",
    ]
    for site in unit.sites:
        aliases = ", ".join(f'"{a}"' for a in site.aliases)
        lines += ["[[sites]]", f'name = "{site.name}"', f'kind = "{site.kind}"']
        lines += [f"aliases = [{aliases}]", ""]
    for i, member in enumerate(unit.staff):
        lines += ["[[staff]]", f'name = "{member.name}"', f'department = "{member.department}"']
        lines += [f"qq = {member.qq}"]
        if i % 7 == 0:
            lines.append("leader = true")
        lines.append("")
    lines += [
        "[roster]",
        "weekdays = [1, 3, 5]",
        "per_shift = 6",
        'start = "07:30"',
        'end = "09:00"',
        "",
        "[time_limits]",
        '"默认" = 7',
        '"环境卫生" = 1',
        '"市容秩序" = 1',
        '"基础设施" = 15',
        "",
    ]
    return "\n".join(lines)


def write_units(folder: Path, count: int, staff: int = 14) -> list[BenchUnit]:
    """``count`` unit files in ``folder`` (a DUTY_UNIT_FILE folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    units = [make_unit(index, folder, staff) for index in range(count)]
    for unit in units:
        unit.path.write_text(unit_toml(unit), encoding="utf-8")
    return units
