"""Generated duty traffic: chat histories and daily reports in the styles people write, for the
import tests, the demo and the benchmarks. Deterministic for a seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .unit import Unit

PROBLEMS = [
    ("电动车乱停放", "辆", "已摆放整齐"),
    ("共享单车占用盲道", "辆", "已挪到停车区"),
    ("绿化带内烟头纸屑", "处", "当场清理"),
    ("楼道小广告", "处", "已清理"),
    ("盲道砖破损", "块", "已报城管维修"),
    ("井盖松动", "个", "已通知物业"),
    ("垃圾桶满溢", "个", "已联系环卫清运"),
    ("流动摊贩占道经营", "处", "已劝离"),
]
CHAT = ["收到", "好的", "收到👍", "明天谁值班？", "辛苦了", "[图片]", "今天下雨还去吗", "已到"]
FIXED_WORDS = ("已摆放整齐", "已挪到停车区", "当场清理", "已清理", "已劝离")


@dataclass(frozen=True)
class GeneratedMessage:
    sent_at: datetime
    sender: str
    qq: int
    text: str
    is_report: bool


def duty_report(
    rng: random.Random, unit: Unit, day: date, site_index: int, people: list[str]
) -> tuple[str, int, int]:
    """A report in one of the usual shapes; returns (text, found, resolved)."""
    site = unit.sites[site_index % len(unit.sites)]
    items = rng.sample(PROBLEMS, k=rng.randint(1, 3))
    found = resolved = 0
    parts = []
    for what, measure, fix in items:
        count = rng.randint(1, 6)
        found += count
        if fix in FIXED_WORDS:
            resolved += count
        parts.append((what, count, measure, fix))
    style = rng.randrange(3)
    names = "、".join(people)
    if style == 0:
        lines = [
            "【值班日报】",
            f"值班时间：{day.month}月{day.day}日 7:30-9:00",
            f"值班地点：{site.name}",
            f"值班人员：{names}",
            "发现问题：",
            *(f"{i}.{w}{c}{m}，{f}" for i, (w, c, m, f) in enumerate(parts, 1)),
        ]
        text = "\n".join(lines)
    elif style == 1:
        body = "；".join(f"{w}{c}{m}，{f}" for w, c, m, f in parts)
        text = f"今天{site.label}值班，{names}按时到岗。巡查发现：{body}。"
    else:
        body = "\n".join(f"{w}{c}{m}（{f}）" for w, c, m, f in parts)
        text = f"{day.month}.{day.day} {site.label} 值班情况\n人员：{names}\n{body}"
    return text, found, resolved


def chat_history(unit: Unit, start: date, days: int, seed: int = 1) -> Iterator[GeneratedMessage]:
    """A group's messages day by day: duty reports on duty weekdays, and chat."""
    rng = random.Random(seed)
    staff = [(m, m.qq) for m in unit.staff if m.qq]
    for offset in range(days):
        day = start + timedelta(days=offset)
        moment = datetime.combine(day, time(7, 0))
        for _ in range(rng.randint(2, 8)):
            moment += timedelta(minutes=rng.randint(1, 90))
            member, qq = rng.choice(staff)
            yield GeneratedMessage(
                moment, f"{member.department}-{member.name}", qq, rng.choice(CHAT), False
            )
        if day.isoweekday() in unit.roster.weekdays:
            for site_index in range(len(unit.sites)):
                team = rng.sample(staff, k=min(3, len(staff)))
                text, _, _ = duty_report(rng, unit, day, site_index, [m.name for m, _ in team])
                moment += timedelta(minutes=rng.randint(1, 30))
                writer, qq = team[0]
                yield GeneratedMessage(moment, f"{writer.department}-{writer.name}", qq, text, True)


def export_text(
    messages: Iterator[GeneratedMessage], group_name: str = "创城工作群"
) -> Iterator[str]:
    """The messages as the QQ PC client exports them (.txt)."""
    yield "消息记录（此消息记录为文本格式，不支持重新导入）\n\n"
    yield "================================================================\n"
    yield "消息分组:我的群聊\n"
    yield "================================================================\n"
    yield f"消息对象:{group_name}\n"
    yield "================================================================\n\n"
    for message in messages:
        stamp = f"{message.sent_at:%Y-%m-%d} {message.sent_at.hour}:{message.sent_at:%M:%S}"
        yield f"{stamp} {message.sender}({message.qq})\n{message.text}\n\n"
