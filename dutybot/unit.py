"""The unit file: an office, its QQ groups, sites, staff, roster rules and problem categories.

A deployment reads one TOML file, or a folder of them (one QQ account serving several
offices). Everything wrong with a file is reported as one :class:`UnitFileError` whose text
names the file, the key and the problem, so that the start can stop with one clear line.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, NoReturn

from .text import fold, without_brackets

SITE_KINDS = ("路段", "网格")

# REPORTS.md's default categories, with the keywords a person would use for each.
DEFAULT_CATEGORIES: dict[str, tuple[str, ...]] = {
    "环境卫生": (
        "垃圾",
        "烟头",
        "纸屑",
        "塑料袋",
        "包装纸",
        "饮料瓶",
        "果皮",
        "落叶",
        "卫生死角",
        "白色垃圾",
        "建筑垃圾",
        "装修垃圾",
        "大件垃圾",
        "满溢",
        "油污",
        "污水",
        "狗粪",
        "碎玻璃",
        "痰迹",
    ),
    "市容秩序": (
        "乱停",
        "乱放",
        "电动车",
        "自行车",
        "共享单车",
        "非机动车",
        "违停",
        "占用盲道",
        "占道",
        "出店经营",
        "流动摊贩",
        "乱堆乱放",
        "堆放",
        "杂物",
        "小广告",
        "牛皮癣",
        "乱张贴",
        "乱涂乱画",
        "晾晒",
        "乱挂",
        "乱搭乱建",
        "僵尸车",
    ),
    "基础设施": (
        "井盖",
        "盲道砖",
        "地砖",
        "路沿石",
        "缘石",
        "路面",
        "坑洼",
        "塌陷",
        "下沉",
        "护栏",
        "路灯",
        "灯罩",
        "垃圾桶破损",
        "垃圾池破损",
        "健身器材",
        "座椅",
        "松动",
    ),
    "宣传氛围": (
        "公益广告",
        "宣传栏",
        "宣传牌",
        "标语",
        "海报",
        "展板",
        "核心价值观",
        "讲文明树新风",
    ),
    "文明行为": (
        "乱扔垃圾",
        "随地吐痰",
        "闯红灯",
        "横穿马路",
        "翻越护栏",
        "遛狗",
        "不牵绳",
        "无烟区吸烟",
        "不文明",
    ),
    "其他": ("流浪狗", "噪音", "安全隐患"),
}
FALLBACK_CATEGORY = "其他"

# The things problems are about, each with the words people use for it, so that the same
# problem told in other words is recognised (共享单车 / 单车 / 电动车 are one kind of thing,
# 井盖 is not 路灯). A unit file may add or replace groups under ``[objects]``. ``lasting``
# groups are things that do not go away by themselves: told again on a later day while still
# open, they are the same problem (a loose manhole cover), not a new one.
DEFAULT_OBJECTS: dict[str, tuple[str, ...]] = {
    "非机动车": (
        "非机动车",
        "共享单车",
        "共享电单车",
        "单车",
        "电动车",
        "电瓶车",
        "电驴",
        "小电驴",
        "电单车",
        "自行车",
        "摩托车",
        "三轮车",
        "小黄车",
    ),
    "机动车": ("机动车", "汽车", "轿车", "私家车", "货车", "车辆违停", "违停车辆", "违停"),
    "僵尸车": ("僵尸车", "废弃车辆", "废弃自行车", "废旧车辆"),
    "垃圾": (
        "垃圾",
        "白色垃圾",
        "杂物",
        "塑料袋",
        "纸屑",
        "烟头",
        "饮料瓶",
        "果皮",
        "包装纸",
        "落叶",
        "卫生死角",
        "碎玻璃",
        "狗粪",
        "痰迹",
    ),
    "建筑垃圾": ("建筑垃圾", "装修垃圾", "大件垃圾"),
    "垃圾桶": ("垃圾桶", "垃圾箱", "果皮箱", "垃圾池", "分类桶"),
    "井盖": ("井盖", "窨井盖", "雨水篦子", "篦子", "下水道"),
    "路灯": ("路灯", "灯罩", "灯杆", "路灯杆"),
    "盲道": ("盲道", "盲道砖"),
    "路面": ("地砖", "人行道砖", "路面", "坑洼", "坑槽", "路沿石", "缘石", "道牙", "塌陷", "下沉"),
    "护栏": ("护栏", "隔离栏", "栏杆", "围挡"),
    "小广告": ("小广告", "牛皮癣", "乱张贴", "乱贴", "乱涂乱画", "涂鸦"),
    "占道经营": ("出店经营", "占道经营", "流动摊贩", "摊贩", "摊点", "摆摊", "摊摊", "摊子"),
    "堆放": ("乱堆乱放", "堆放", "乱堆", "纸箱"),
    "晾晒": ("晾晒", "乱挂", "晾衣"),
    "横幅": ("横幅", "条幅", "广告横幅"),
    "宣传栏": ("宣传栏", "宣传牌", "公益广告", "展板", "标语", "海报", "宣传画"),
    "健身器材": ("健身器材", "座椅", "长椅", "休闲椅"),
    "绿化": ("绿化带", "树木", "花坛", "草坪", "树池"),
    "流浪狗": ("流浪狗", "流浪犬", "遛狗", "不牵绳"),
}
LASTING_OBJECTS = ("僵尸车", "建筑垃圾", "井盖", "路灯", "路面", "护栏", "健身器材")
DEFAULT_TIME_LIMIT_DAYS = 7
HOLIDAY_POLICIES = ("next_workday", "skip")
# Nothing is sent from QUIET_FROM until QUIET_UNTIL (people are asleep).
QUIET_FROM = time(22, 0)
QUIET_UNTIL = time(7, 0)
# The submission dates of the city's plan (7月5日, 10月9日, 11月15日).
DEFAULT_DEADLINES = ((7, 5), (10, 9), (11, 15))


class UnitFileError(Exception):
    """A unit file that cannot be used; ``str()`` is the one line shown to the operator."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = str(path)
        self.key = key
        self.problem = problem
        where = f"{self.path}：{key}" if key else self.path
        super().__init__(f"单位文件有误 {where}：{problem}")


@dataclass(frozen=True)
class Site:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    short: str = ""
    # How many of a shift's people go to this site; None shares the shift evenly.
    per_shift: int | None = None

    @property
    def label(self) -> str:
        """The short name used in chat replies."""
        return self.short or without_brackets(self.name) or self.name

    def spellings(self) -> Iterator[str]:
        """Every written form that means this site, folded for comparison."""
        forms = {self.name, without_brackets(self.name), self.label, *self.aliases}
        for form in list(forms):
            for a, b in (("路西", "西侧"), ("路东", "东侧"), ("路南", "南侧"), ("路北", "北侧")):
                if a in form:
                    forms.add(form.replace(a, b))
                if b in form:
                    forms.add(form.replace(b, a))
        for form in forms:
            if form:
                yield fold(form)


@dataclass(frozen=True)
class StaffMember:
    name: str
    department: str
    qq: int | None = None
    # A shift leader may check in others; coordinators always may.
    leader: bool = False
    active: bool = True


@dataclass(frozen=True)
class Category:
    name: str
    keywords: tuple[str, ...]
    time_limit_days: int = DEFAULT_TIME_LIMIT_DAYS


@dataclass(frozen=True)
class RosterRules:
    weekdays: tuple[int, ...] = (1, 3, 5)
    per_shift: int = 6
    start: time = time(7, 30)
    end: time = time(9, 0)
    # A duty weekday that is a public holiday moves to the next working day of that week,
    # or is dropped.
    holiday_policy: str = "next_workday"
    # For years the holiday calendar does not know yet.
    holidays: tuple[date, ...] = ()
    workdays: tuple[date, ...] = ()


@dataclass(frozen=True)
class ReminderRules:
    """When the bot reminds people (``[reminders]``); times are in the bot's timezone."""

    enabled: bool = True
    # The day before a duty: who is on duty tomorrow, where and when.
    day_before: time = time(17, 30)
    # The morning of the duty: the same, shorter, with the site's open problems.
    morning: time = time(7, 0)
    # This long after the start, the people not yet checked in are named.
    checkin_after_minutes: int = 30
    # A site whose duty today has no daily report by then: its people are named.
    evening: time = time(18, 0)
    # Monday: last week's attendance and the problems open for more than a week.
    weekly: time = time(8, 30)
    # (month, day) of the submission deadlines, told to the coordinators in advance.
    deadlines: tuple[tuple[int, int], ...] = DEFAULT_DEADLINES
    deadline_days_before: int = 3


@dataclass(frozen=True)
class MonthlyRules:
    """``[monthly]``: the summary posted on the 1st of each month."""

    # When on the 1st the last month's summary goes to the group; None: not posted.
    summary_at: time | None = time(9, 0)
    # The workbook and the 说明报告 are sent to the coordinators with it.
    files_to_coordinators: bool = True


@dataclass(frozen=True)
class Unit:
    key: str
    name: str
    groups: tuple[int, ...]
    coordinators: tuple[int, ...]
    sites: tuple[Site, ...]
    staff: tuple[StaffMember, ...]
    roster: RosterRules
    categories: tuple[Category, ...]
    reminders: ReminderRules = ReminderRules()
    # ``[objects]`` merged over DEFAULT_OBJECTS: the words for each kind of thing.
    objects: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_OBJECTS))
    source: str = ""
    # Other tables of the file, kept raw for the features that read them.
    extra: Mapping[str, Any] = field(default_factory=dict)
    monthly: MonthlyRules = MonthlyRules()

    def site_named(self, text: str) -> Site | None:
        """The site a person means by ``text`` (name, alias, or a small variation)."""
        wanted = fold(text)
        if not wanted:
            return None
        for site in self.sites:
            if wanted in set(site.spellings()):
                return site
        return None

    def site(self, name: str) -> Site:
        for site in self.sites:
            if site.name == name:
                return site
        raise KeyError(name)

    def staff_named(self, text: str) -> StaffMember | None:
        wanted = strip_title(fold(text))
        for member in self.staff:
            if fold(member.name) == wanted:
                return member
        return None

    def staff_by_qq(self, qq: int) -> StaffMember | None:
        for member in self.staff:
            if member.qq == qq:
                return member
        return None

    def category(self, name: str) -> Category | None:
        for category in self.categories:
            if category.name == name:
                return category
        return None

    @property
    def category_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    def is_coordinator(self, qq: int) -> bool:
        return qq in self.coordinators


TITLES = (
    "同志",
    "科长",
    "副科长",
    "主任",
    "副主任",
    "老师",
    "处长",
    "书记",
    "组长",
    "队长",
    "股长",
    "副股长",
    "站长",
    "所长",
    "局长",
    "副局长",
)


def strip_title(name: str) -> str:
    for title in sorted(TITLES, key=len, reverse=True):
        if name.endswith(title) and len(name) > len(title) + 1:
            return name[: -len(title)]
    return name


# ---------------------------------------------------------------------------------------------
# Loading and validation


def load_units(path: Path | str) -> list[Unit]:
    """Read a unit file, or every ``*.toml`` in a folder; raise :class:`UnitFileError`."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if p.is_file())
        if not files:
            raise UnitFileError(path, "", "文件夹里没有 .toml 单位文件")
    elif path.is_file():
        files = [path]
    else:
        raise UnitFileError(
            path, "", "找不到这个文件（设置 DUTY_UNIT_FILE 指向单位文件或其所在文件夹）"
        )

    units = [load_unit(file) for file in files]
    _check_across_units(units)
    return units


def load_unit(path: Path | str) -> Unit:
    path = Path(path)
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        from .files import why

        raise UnitFileError(path, "", f"无法读取（{why(error)}）") from None
    except UnicodeDecodeError:
        raise UnitFileError(path, "", "不是 UTF-8 编码的文本，请用 UTF-8 保存") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise UnitFileError(path, "", f"TOML 语法错误：{error}") from None
    return parse_unit(data, source=path)


KNOWN_TABLES = {
    "unit",
    "sites",
    "staff",
    "roster",
    "categories",
    "time_limits",
    "reminders",
    "deadlines",
    "monthly",
    "objects",
}


def parse_unit(data: Mapping[str, Any], source: Path | str = "<unit>") -> Unit:
    """Build a :class:`Unit` from parsed TOML, checking every key."""
    check = _Checker(source)
    for key in data:
        if key not in KNOWN_TABLES:
            check.fail(key, f"未知的表“{key}”（可用：{'、'.join(sorted(KNOWN_TABLES))}）")

    head = check.table(data, "unit", required=True)
    check.only(head, "unit", {"key", "name", "groups", "coordinators"})
    name = check.text(head, "unit.name", required=True)
    key = check.text(head, "unit.key") or name
    groups = check.qq_list(head, "unit.groups", required=True)
    coordinators = check.qq_list(head, "unit.coordinators")

    sites = _parse_sites(check, data)
    staff = _parse_staff(check, data)
    roster = _parse_roster(check, data, sites)
    categories = _parse_categories(check, data)
    reminders = _parse_reminders(check, data)

    extra = {k: v for k, v in data.items() if k in {"deadlines"}}
    return Unit(
        key=key,
        name=name,
        groups=groups,
        coordinators=coordinators,
        sites=sites,
        staff=staff,
        roster=roster,
        categories=categories,
        reminders=reminders,
        objects=_parse_objects(check, data),
        source=str(source),
        extra=extra,
        monthly=_parse_monthly(check, data),
    )


def _parse_sites(check: _Checker, data: Mapping[str, Any]) -> tuple[Site, ...]:
    rows = check.array_of_tables(data, "sites", required=True)
    sites: list[Site] = []
    owner_of: dict[str, str] = {}
    for index, row in enumerate(rows, 1):
        where = f"[[sites]] 第{index}项"
        check.only(row, where, {"name", "kind", "aliases", "short", "per_shift"})
        name = check.text(row, f"{where}.name", required=True)
        kind = check.text(row, f"{where}.kind", required=True)
        if kind not in SITE_KINDS:
            check.fail(f"{where}.kind", f"“{kind}”不是可用的类型，只能是 路段 或 网格")
        aliases = check.text_list(row, f"{where}.aliases")
        short = check.text(row, f"{where}.short")
        per_shift = check.positive_int(row, f"{where}.per_shift")
        site = Site(name=name, kind=kind, aliases=aliases, short=short, per_shift=per_shift)
        for spelling in sorted(set(site.spellings())):
            other = owner_of.get(spelling)
            if other is not None and other != name:
                check.fail(
                    f"{where}（{name}）",
                    f"名称或别名“{spelling}”已属于地点“{other}”，一个别名只能指一个地点",
                )
            owner_of[spelling] = name
        sites.append(site)
    return tuple(sites)


def _parse_staff(check: _Checker, data: Mapping[str, Any]) -> tuple[StaffMember, ...]:
    rows = check.array_of_tables(data, "staff", required=True)
    members: list[StaffMember] = []
    seen_names: dict[str, int] = {}
    seen_qq: dict[int, str] = {}
    for index, row in enumerate(rows, 1):
        where = f"[[staff]] 第{index}项"
        check.only(row, where, {"name", "department", "qq", "leader", "active"})
        name = check.text(row, f"{where}.name", required=True)
        where = f"{where}（{name}）"
        department = check.text(row, f"{where}.department", required=True)
        qq = check.qq(row, f"{where}.qq")
        leader = check.flag(row, f"{where}.leader", default=False)
        active = check.flag(row, f"{where}.active", default=True)
        if name in seen_names:
            check.fail(
                f"{where}.name",
                f"姓名“{name}”与第{seen_names[name]}项重复；同名同事请加区分，如“王磊（秘书科）”",
            )
        seen_names[name] = index
        if qq is not None:
            if qq in seen_qq:
                check.fail(
                    f"{where}.qq", f"QQ 号 {qq} 已属于“{seen_qq[qq]}”，一个 QQ 号只能绑定一人"
                )
            seen_qq[qq] = name
        members.append(
            StaffMember(name=name, department=department, qq=qq, leader=leader, active=active)
        )
    return tuple(members)


def _parse_roster(check: _Checker, data: Mapping[str, Any], sites: tuple[Site, ...]) -> RosterRules:
    table = check.table(data, "roster")
    if not table:
        return RosterRules()
    check.only(
        table,
        "roster",
        {"weekdays", "per_shift", "start", "end", "holiday_policy", "holidays", "workdays"},
    )
    weekdays = RosterRules.weekdays
    if "weekdays" in table:
        value = table["weekdays"]
        if (
            not isinstance(value, list)
            or not value
            or not all(
                isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in value
            )
        ):
            check.fail(
                "roster.weekdays", "应为 1–7 的数字列表（1 = 周一 … 7 = 周日），如 [1, 3, 5]"
            )
        if len(set(value)) != len(value):
            check.fail("roster.weekdays", "有重复的星期")
        weekdays = tuple(sorted(value))
    per_shift = check.positive_int(table, "roster.per_shift") or RosterRules.per_shift
    start = check.clock_time(table, "roster.start") or RosterRules.start
    end = check.clock_time(table, "roster.end") or RosterRules.end
    if end <= start:
        check.fail("roster.end", f"结束时间 {end:%H:%M} 应晚于开始时间 {start:%H:%M}")
    policy = check.text(table, "roster.holiday_policy") or RosterRules.holiday_policy
    if policy not in HOLIDAY_POLICIES:
        check.fail(
            "roster.holiday_policy",
            f"“{policy}”不可用，只能是 next_workday（顺延到本周下一个工作日）或 skip（当天不排）",
        )
    site_quota = sum(s.per_shift for s in sites if s.per_shift)
    if site_quota > per_shift:
        check.fail(
            "[[sites]].per_shift",
            f"各地点人数之和 {site_quota} 超过每班人数 roster.per_shift = {per_shift}",
        )
    return RosterRules(
        weekdays=weekdays,
        per_shift=per_shift,
        start=start,
        end=end,
        holiday_policy=policy,
        holidays=check.dates(table, "roster.holidays"),
        workdays=check.dates(table, "roster.workdays"),
    )


def _parse_categories(check: _Checker, data: Mapping[str, Any]) -> tuple[Category, ...]:
    table = check.table(data, "categories")
    keywords: dict[str, tuple[str, ...]] = {}
    if table:
        for name in table:
            keywords[name] = check.text_list(table, f"categories.{name}", required=True)
    else:
        keywords = dict(DEFAULT_CATEGORIES)
    if FALLBACK_CATEGORY not in keywords:
        keywords[FALLBACK_CATEGORY] = ()

    limits = check.table(data, "time_limits")
    default_limit = DEFAULT_TIME_LIMIT_DAYS
    per_category: dict[str, int] = {}
    for name in limits:
        days = check.positive_int(limits, f"time_limits.{name}")
        assert days is not None
        if name == "默认":
            default_limit = days
        elif name not in keywords:
            check.fail(
                f"time_limits.{name}", f"未知的类别“{name}”（已有类别：{'、'.join(keywords)}）"
            )
        else:
            per_category[name] = days
    return tuple(
        Category(name=name, keywords=words, time_limit_days=per_category.get(name, default_limit))
        for name, words in keywords.items()
    )


def _parse_objects(check: _Checker, data: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """``[objects]``: ``"非机动车" = ["共享单车", "单车"]`` adds a group or replaces a default one."""
    objects = dict(DEFAULT_OBJECTS)
    table = check.table(data, "objects")
    for name in table:
        objects[name] = check.text_list(table, f"objects.{name}", required=True)
    return objects


def _parse_reminders(check: _Checker, data: Mapping[str, Any]) -> ReminderRules:
    table = check.table(data, "reminders")
    if not table:
        return ReminderRules()
    check.only(
        table,
        "reminders",
        {
            "enabled",
            "day_before",
            "morning",
            "checkin_after_minutes",
            "evening",
            "weekly",
            "deadlines",
            "deadline_days_before",
        },
    )
    defaults = ReminderRules()
    times = {}
    for key in ("day_before", "morning", "evening", "weekly"):
        value = check.clock_time(table, f"reminders.{key}")
        if value is None:
            value = getattr(defaults, key)
        elif not QUIET_UNTIL <= value < QUIET_FROM:
            check.fail(
                f"reminders.{key}",
                f"{value:%H:%M} 在夜间（{QUIET_FROM:%H:%M}–{QUIET_UNTIL:%H:%M} 不发消息），"
                f"请写 {QUIET_UNTIL:%H:%M} 到 {QUIET_FROM:%H:%M} 之间的时间",
            )
        times[key] = value
    after = check.whole_number(table, "reminders.checkin_after_minutes", 0, 600)
    days_before = check.whole_number(table, "reminders.deadline_days_before", 0, 60)
    return ReminderRules(
        enabled=check.flag(table, "reminders.enabled", default=True),
        checkin_after_minutes=defaults.checkin_after_minutes if after is None else after,
        deadlines=_parse_deadlines(check, table) if "deadlines" in table else defaults.deadlines,
        deadline_days_before=defaults.deadline_days_before if days_before is None else days_before,
        **times,
    )


def _parse_deadlines(check: _Checker, table: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
    value = table["deadlines"]
    hint = '应为“月-日”列表，如 ["07-05", "10-09", "11-15"]'
    if not isinstance(value, list):
        check.fail("reminders.deadlines", hint)
    result = set()
    for item in value:
        text = str(item).strip().replace("月", "-").rstrip("日") if isinstance(item, str) else ""
        try:
            month, day = (int(part) for part in text.split("-"))
            date(2000, month, day)  # a leap year: 02-29 is allowed
        except ValueError:
            check.fail("reminders.deadlines", f"“{item}”不是日期，{hint}")
        else:
            result.add((month, day))
    return tuple(sorted(result))


def _parse_monthly(check: _Checker, data: Mapping[str, Any]) -> MonthlyRules:
    table = check.table(data, "monthly")
    check.only(table, "monthly", {"summary_at", "files_to_coordinators"})
    summary_at: time | None = MonthlyRules.summary_at
    if table.get("summary_at") is False:
        summary_at = None
    elif "summary_at" in table:
        value = table["summary_at"]
        if value is True or not isinstance(value, (str, time)):
            check.fail("monthly.summary_at", f'“{value}”应写成 "09:00" 这样的时间，不发则写 false')
        summary_at = check.clock_time(table, "monthly.summary_at")
        if summary_at is not None and not QUIET_UNTIL <= summary_at < QUIET_FROM:
            check.fail(
                "monthly.summary_at",
                f"{summary_at:%H:%M} 在夜间（{QUIET_FROM:%H:%M}–{QUIET_UNTIL:%H:%M} 不发消息），"
                f"请写 {QUIET_UNTIL:%H:%M} 到 {QUIET_FROM:%H:%M} 之间的时间",
            )
    return MonthlyRules(
        summary_at=summary_at,
        files_to_coordinators=check.flag(table, "monthly.files_to_coordinators", default=True),
    )


def _check_across_units(units: list[Unit]) -> None:
    keys: dict[str, str] = {}
    groups: dict[int, str] = {}
    for unit in units:
        if unit.key in keys:
            raise UnitFileError(
                unit.source,
                "unit.key",
                f"单位标识“{unit.key}”与 {keys[unit.key]} 重复（不同单位文件需要不同的 unit.key 或 unit.name）",
            )
        keys[unit.key] = unit.source
        for group in unit.groups:
            if group in groups:
                raise UnitFileError(
                    unit.source,
                    "unit.groups",
                    f"QQ 群 {group} 已由 {groups[group]} 使用，一个群只能属于一个单位",
                )
            groups[group] = unit.source


class _Checker:
    """Reads typed values out of the TOML, failing with the key's path."""

    def __init__(self, source: Path | str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> NoReturn:
        raise UnitFileError(self.source, key, problem)

    def table(self, data: Mapping[str, Any], key: str, required: bool = False) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(key, f"缺少 [{key}] 表")
            return {}
        if not isinstance(value, dict):
            self.fail(key, f"应写成 [{key}] 表")
        return value

    def array_of_tables(
        self, data: Mapping[str, Any], key: str, required: bool = False
    ) -> list[dict]:
        value = data.get(key)
        if value is None or value == []:
            if required:
                self.fail(key, f"至少需要一个 [[{key}]]")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, f"应写成一个或多个 [[{key}]] 表")
        return value

    def only(self, table: Mapping[str, Any], where: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                self.fail(f"{where}.{key}", f"未知的键（可用：{'、'.join(sorted(allowed))}）")

    def text(self, table: Mapping[str, Any], key: str, required: bool = False) -> str:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            if required:
                self.fail(key, "缺少这个键")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "应为非空的文字（加英文引号）")
        return value.strip()

    def text_list(
        self, table: Mapping[str, Any], key: str, required: bool = False
    ) -> tuple[str, ...]:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            if required:
                self.fail(key, "缺少这个键")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, '应为文字列表，如 ["甲", "乙"]')
        return tuple(v.strip() for v in value)

    def qq(self, table: Mapping[str, Any], key: str) -> int | None:
        value = table.get(key.rsplit(".", 1)[-1])
        return None if value is None else self.qq_value(value, key)

    def qq_value(self, value: Any, key: str) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or not 10000 <= value < 10**12:
            self.fail(key, f"“{value}”不是有效的 QQ 号")
        return value

    def qq_list(
        self, table: Mapping[str, Any], key: str, required: bool = False
    ) -> tuple[int, ...]:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None or value == []:
            if required:
                self.fail(key, "至少需要一个 QQ 号，如 [700000001]")
            return ()
        if not isinstance(value, list):
            self.fail(key, "应为 QQ 号列表，如 [700000001]")
        numbers = tuple(self.qq_value(item, key) for item in value)
        if len(set(numbers)) != len(numbers):
            self.fail(key, "有重复的号码")
        return numbers

    def positive_int(self, table: Mapping[str, Any], key: str) -> int | None:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(key, f"“{value}”应为正整数")
        return value

    def whole_number(
        self, table: Mapping[str, Any], key: str, lowest: int, highest: int
    ) -> int | None:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not lowest <= value <= highest:
            self.fail(key, f"“{value}”应为 {lowest}–{highest} 的整数")
        return value

    def flag(self, table: Mapping[str, Any], key: str, default: bool) -> bool:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, "应为 true 或 false")
        return value

    def clock_time(self, table: Mapping[str, Any], key: str) -> time | None:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return None
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            try:
                hours, minutes = value.strip().split(":")
                return time(int(hours), int(minutes))
            except ValueError:
                pass
        self.fail(key, f'“{value}”不是时间，应写成 "07:30" 这样')
        return None

    def dates(self, table: Mapping[str, Any], key: str) -> tuple[date, ...]:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, '应为日期列表，如 [2027-01-01, "2027-02-10"]')
        result = []
        for item in value:
            if isinstance(item, date):
                result.append(item)
                continue
            try:
                result.append(date.fromisoformat(str(item)))
            except ValueError:
                self.fail(key, f"“{item}”不是日期，应写成 2027-01-01")
        return tuple(sorted(set(result)))


def unit_for_group(units: Iterable[Unit], group_id: int) -> Unit | None:
    for unit in units:
        if group_id in unit.groups:
            return unit
    return None
