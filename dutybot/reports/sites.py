"""Which configured site a message speaks about, and splitting a message that covers several."""

from __future__ import annotations

import re

from ..unit import Site
from .clauses import DECORATION, MARKER
from .unitwords import UnitWords

# ---------------------------------------------------------------------------------------------
# Sites


def find_sites(text: str, lexicon: UnitWords) -> list[tuple[int, int, Site]]:
    """Where the text names a site: as spelled, or as it sounds (鲜营社区 for 仙营社区)."""
    hits = []
    if lexicon.site_pattern is not None:
        for match in lexicon.site_pattern.finditer(text):
            site = lexicon.site_at(match.group())
            if site is not None:
                hits.append((match.start(), match.end(), site))
    if lexicon.site_sound_pattern is not None:
        spelled = {i for start, end, _site in hits for i in range(start, end)}
        for match in lexicon.site_sound_pattern.finditer(text):
            if match.start() in spelled or match.end() - 1 in spelled:
                continue
            site = lexicon.site_by_sound(match.group())
            if site is not None:
                hits.append((match.start(), match.end(), site))
        hits.sort(key=lambda hit: hit[0])
    return hits


# A day, a time of day or a group may open a heading (昨天9网格：…, 夜查东段, 一组东段（…）).
_WHEN = (
    r"(?:今天|今日|昨天|昨日|前天|昨晚|今早|今晚|上午|下午|晚上|夜查|上半天|下半天|上半日|下半日|早上|"
    # (早上骑楼街…；下昼福安围…: the afternoon, as Cantonese and Hakka say it.)
    r"上昼|下昼|朝早|晏昼|"
    r"\d{1,2}月\d{1,2}[日号]?|\d{1,2}[./]\d{1,2}|(?:周|星期|礼拜)[一二三四五六日天]|"
    # (…；周四（24日）纺机宿舍，…: the day of the month alone, in brackets after the weekday.)
    r"(?<=[（(])\d{1,2}[日号](?=[）)])|"
    r"(?:第|另)?[一二三两1-3]组|[AB]组|"
    # (8点以后转到7网格…, 然后九点多去南湖路东侧那边: the time of day the team moved on.)
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})点(?:多|半|钟)?(?:以后|之后|后|左右)?|"
    # (7:30先到回龙路，…；8:20到紫舞社区，…: the clock time before the place.)
    r"\d{1,2}[:：]\d{2}(?:以后|之后|后|左右)?)"
)
# 【路段】滨江路：…【网格】瓦窑社区：…: a bracketed kind of site may stand before its name.
_KIND_TAG = (
    r"(?:[【\[](?:路段|网格|路长制|网格化|道路|社区|街道|小区)[】\]]\s*+|(?:路段|网格)(?=[（(]))?"
)
_HEADER_BEFORE = re.compile(
    rf"(?:^|[\n。；;：:])\s*+{DECORATION}(?:{MARKER})?{DECORATION}{_KIND_TAG}[【\[（(]?\s*+"
    rf"(?:{_WHEN}\s*+)?$"
)
_HEADER_AFTER = re.compile(
    r"^(?:\s|\s*+(?:[】\]）)]|[（(]|[:：｜]|$|值班|网格值班|是(?=[\u4e00-\u9fff])))"
)
# The rest of a heading line: short, no sentence in it (一、红星东路路段 / 二、南池社区网格).
_HEADING_REST = re.compile(r"[^\n，,。；;]{0,12}+(?:\n|$)")
# Lines that part a message in blocks: a dash line, or a blank line.
_BLOCK_BREAK = re.compile(
    r"\n[ \t]*+(?:[-—–_=*~·.·]{3,}+[ \t]*+)?\n|\n[ \t]*+[-—–_=*~·]{3,}+[ \t]*+(?=\n|$)"
)
_SITE_LABEL = re.compile(
    r"(?:值班地点|值班路段|值班网格|值班点位|责任路段|地点|路段|点位)\s*+[:：]\s*+$"
)


# 应为西段, 更正为东段, 西段……不对，是东段: the site meant, after a slip.
_CORRECTED_BEFORE = re.compile(r"(?:应为|应该是|应是|改为|更正为|更正[：:]|纠正为)\s*+$")
_SLIP = re.compile(r"不对|写错|错了|打错|说错|发错")
_SLIP_SPAN = 20
# 不是西段, 东段那边的井盖不归我们管: a site named only to be denied.
_NOT_THERE = r"没去|没有去|未去|没到|没在|没有在"
_DENIED_BEFORE = re.compile(rf"(?:不是|并非|而非|{_NOT_THERE})\s*+$")
_NOT_THERE_BEFORE = re.compile(rf"(?:{_NOT_THERE})\s*+$")
_DENIED_AFTER = re.compile(
    r"[^，,。；\n]{0,8}?(?:不归我们|不归咱|不是我们|不属于我们|不是咱|不在我们|不归我局|不归我单位)"
)


def _as_meant(text: str, hits: list[tuple[int, int, Site]]) -> list[tuple[int, int, Site]]:
    """The site mentions a reader keeps: one named by mistake gives way to its correction
    (东段（应为西段）, 西段……不对，是东段), and one named only to be denied (不是西段, 东段那边的
    不归我们管) is left out, unless nothing else is named."""
    if len(hits) < 2:
        # 今天区里临时通知去新华路…，没去曙光街: the one site named, only to say not there.
        if hits and _NOT_THERE_BEFORE.search(text, max(0, hits[0][0] - 4), hits[0][0]):
            return []
        return hits
    kept: list[tuple[int, int, Site]] = []
    for hit in hits:
        start, end, site = hit
        if _DENIED_BEFORE.search(text, max(0, start - 4), start) or _DENIED_AFTER.match(text, end):
            continue
        slip = (
            kept
            and start - kept[-1][1] <= _SLIP_SPAN
            and _SLIP.search(text, kept[-1][1], start) is not None
        )
        if slip or _CORRECTED_BEFORE.search(text, max(0, start - 6), start):
            kept = [k for k in kept if k[2].name == site.name]
        kept.append(hit)
    return kept or hits


def _before(text: str, start: int, width: int = 16) -> str:
    """The few characters before ``start``; a leading "x" stands for cut-off text, so that
    ``^`` in a pattern still means the start of the message."""
    if start <= width:
        return text[:start]
    return "x" + text[start - width : start]


def _by_blocks(
    text: str, hits: list[tuple[int, int, Site]]
) -> list[tuple[Site | None, str]] | None:
    """Blocks parted by dash lines or blank lines, each naming its site in its first line:
    one section per site; a block that names none goes with the block before it."""
    bounds = [0]
    for match in _BLOCK_BREAK.finditer(text):
        bounds.extend((match.start(), match.end()))
    bounds.append(len(text))
    blocks = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if len(blocks) < 2:
        return None
    sections: list[tuple[Site | None, list[str]]] = []
    for start, stop in blocks:
        line_end = text.find("\n", start, stop)
        first_line_end = stop if line_end < 0 else line_end
        site = next((s for a, _b, s in hits if start <= a < first_line_end), None)
        body = text[start:stop]
        if site is not None and (not sections or sections[-1][0] is not None):
            sections.append((site, [body]))
        elif site is not None:  # the blocks before named no site: a common heading
            sections[-1] = (site, [*sections[-1][1], body])
        elif sections:
            sections[-1][1].append(body)
        else:
            sections.append((None, [body]))
    if len({s.name for s, _ in sections if s is not None}) < 2:
        return None
    merged: dict[str, tuple[Site, list[str]]] = {}
    for site, parts in sections:
        if site is None:
            continue
        merged.setdefault(site.name, (site, []))[1].extend(parts)
    return [(site, "\n".join(parts)) for site, parts in merged.values()]


# 路段：电动车13 已摆 / 网格：无: the kind of site alone, as a line's label.
_KIND_ALONE = re.compile(r"(?m)^(?P<lead>[ \t]*+)(?P<kind>路段|网格)(?=[ \t]*+[:：])")


def name_sites_by_kind(text: str, lexicon: UnitWords) -> str:
    """路段： and 网格： as line labels, where the unit has one site of that kind, name it."""
    if not lexicon.only_site_of_kind or lexicon.site_pattern is None:
        return text

    def named(match: re.Match[str]) -> str:
        site = lexicon.only_site_of_kind.get(match["kind"])
        return match["lead"] + site.name if site is not None else match.group()

    return _KIND_ALONE.sub(named, text)


def split_by_site(text: str, lexicon: UnitWords) -> list[tuple[Site | None, str]]:
    """(site, text about it) pairs: one per site heading when several sites have one, else
    the whole text with the site named first (a labelled 值班地点 first of all)."""
    hits = _as_meant(text, find_sites(text, lexicon))
    if not hits:
        return [(None, text)]
    clauses = _by_clauses(text, hits)
    if clauses:
        return clauses
    headers = [
        (start, end, site)
        for start, end, site in hits
        if _HEADER_BEFORE.search(_before(text, start))
        and (_HEADER_AFTER.match(text[end : end + 4]) or _HEADING_REST.match(text, end))
    ]
    if len({site.name for _, _, site in headers}) < 2:
        blocks = _by_blocks(text, hits)
        if blocks:
            return blocks
    if len({site.name for _, _, site in headers}) >= 2:
        bodies: dict[str, list[str]] = {}
        by_name: dict[str, Site] = {}
        # A section starts at its heading's line or sentence, decorations included.
        starts = [
            max(text.rfind(mark, 0, start) for mark in "\n。；;") + 1
            for start, _end, _site in headers
        ]
        for index, (_start, _end, site) in enumerate(headers):
            stop = starts[index + 1] if index + 1 < len(starts) else len(text)
            bodies.setdefault(site.name, []).append(text[starts[index] : stop])
            by_name[site.name] = site
        # 值班人员：…\n【路段】…\n【网格】…: what comes before the first heading (the day, the
        # team) belongs to the message, read with the first part; the team then serves both.
        preamble = text[: starts[0]]
        if preamble.strip():
            first = headers[0][2].name
            bodies[first][0] = preamble + bodies[first][0]
        return [(by_name[name], "\n".join(parts)) for name, parts in bodies.items()]
    labelled = [hit for hit in hits if _SITE_LABEL.search(_before(text, hit[0]))]
    chosen = (labelled or hits)[0][2]
    return [(chosen, text)]


# A site that opens a clause (…电动车6辆摆了 西段是彭浩邹敏…, …；西段小广告4处…), perhaps after
# words about the duty (今天周六义务值守在西段：…).
# …然后又去石塘社区…: a team moving on to the other site.
# 另补报前天（周一）棉八社区值班: a second report added on.
# 回来的时候顺路走了下钟鼓岭路, 下午转战金钩山社区: the team moving on.
_MOVING_ON = (
    r"(?:回来|返回|回去)?(?:的时候|时|路上)?(?:顺路|顺道|顺便|顺带)?(?:又|再)?"
    # (…；顺带去北关菜市场门口，清理占道摊点4个: on to the other site, in passing.)
    r"(?:(?<=顺便|顺带|顺道|顺路)去|走了?一?下|转了?一?下|转战|转至|转到|前往|赶往|来到|赶到|路过|经过|到了|(?:去|到)了?一趟)"
)
_DUTY_BEFORE = (
    # (先在滨江风光带…；后到真君庙社区…: first here, then there.)
    r"(?:然后|接着|后来|之后|随后|另外?|再)?(?:先|又|再|后)?"
    r"(?:义务|加班|值守|值班|巡查|夜查|补报|补|在|到|去|是)"
    rf"|{_MOVING_ON}|然后|接着|之后|随后"
    # 那个珠海路这边呢: a filler of voice input before the site.
    r"|那个|嗯|呃"
)
_LEAD = rf"(?:{_WHEN}|[（(]{_WHEN}[）)]|{_DUTY_BEFORE})"
_CLAUSE_START_BEFORE = re.compile(
    rf"(?:^|[\n。；;，,：:！!？?\s])\s*+{DECORATION}(?:{MARKER})?{DECORATION}"
    # 【存在问题】长宁北街东侧：…: a part's label, then the site its lines speak of.
    r"(?:[【\[][^【】\[\]\n]{1,8}[】\]]\s*+)?"
    rf"[【\[（(]?\s*+(?:{_LEAD}\s*+)*+$"
    # …劝回去了然后又去老厂社区那边, 完了我又去桂花井: in run-on speech, 然后 opens the clause
    # itself.
    rf"|(?:然后|接着|随后|之后|完了)(?:我们?|咱们?|俺们?)?(?:{_LEAD}\s*+)*+$"
)
# …撕掉哒紫菱社区那边就是我跟熊卫平两个…: a site taken up as the topic after 了, run on.
_TOPIC_AFTER = re.compile(r"(?:那边|这边|那头|这头)(?:就是|呢|是|的话)")


def _by_clauses(
    text: str, hits: list[tuple[int, int, Site]]
) -> list[tuple[Site | None, str]] | None:
    """Sections of a run-on message about several sites, each starting where a site opens a
    clause (东段今天张磊何静去的 电动车6辆摆了 西段是彭浩邹敏 小广告4处撕了), or where a group
    of people is said to be at it (第一组何建平、权小军在皂角树街…，第二组马晓燕、文明在枣林社区…)."""
    starts = []
    bounds = []
    for hit in hits:
        wide = _before(text, hit[0], 32)
        group = _GROUP_AT.search(wide)
        if group is not None:
            starts.append(hit)
            named = next((key for key in ("group", "own_group") if group.group(key)), None)
            opening = group.start(named) if named else group.start()
            bounds.append(hit[0] - len(wide) + opening)
        elif _CLAUSE_START_BEFORE.search(_before(text, hit[0])):
            starts.append(hit)
            bounds.append(_opening(text, hit[0]))
        elif hit[0] > 0 and text[hit[0] - 1] in "了哒" and _TOPIC_AFTER.match(text, hit[1]):
            starts.append(hit)
            bounds.append(hit[0])
    if (
        starts
        and len({site.name for _, _, site in starts}) == 1
        and hits[0][2].name != starts[0][2].name
        # (not when the site was named before, as a heading the clause test missed)
        and not any(site.name == starts[0][2].name for a, _b, site in hits if a < starts[0][0])
    ):
        # 我跟邓志刚去了一趟金钩山，…，回来的时候顺路走了下钟鼓岭路，…: the site named first
        # speaks for what comes before the one the team moved on to.
        starts.insert(0, hits[0])
        bounds.insert(0, 0)
    if len({site.name for _, _, site in starts}) < 2:
        return None
    bounds[0] = 0  # what comes before the first speaks for it (今天分两组：…)
    bodies: dict[str, list[str]] = {}
    by_name: dict[str, Site] = {}
    for index, (_start, _end, site) in enumerate(starts):
        stop = bounds[index + 1] if index + 1 < len(bounds) else len(text)
        bodies.setdefault(site.name, []).append(text[bounds[index] : stop])
        by_name[site.name] = site
    # In the order the sites are first named (…先巡查玄帝庙街，后到凤凰城社区 names the road first).
    first_named = {}
    for start, _end, site in hits:
        first_named.setdefault(site.name, start)
    names = sorted(bodies, key=lambda name: first_named.get(name, len(text)))
    return [(by_name[name], "\n".join(bodies[name])) for name in names]


# 第二组马晓燕、文明、杨天福在枣林社区: a group, its people, and where they were.
_GROUP_AT = re.compile(
    r"(?P<group>(?:第[一二三四1-4]|[一二三四1-4]|另一|另外一?)组)[：:，,]?[^，,。；;\n]{0,24}?(?:在|去|到)$"
    # 我们组（甘建明、莫小燕、钟伟）在民主路东侧：…\n老陆那组：陆永福、周全、庞桂英，荷塘社区，…
    r"|(?P<own_group>(?<![^\n。；;])(?:我们|我|咱们?|俺们?|[\u4e00-\u9fff]{1,3}那)组)"
    r"[：:]?[^。；;\n]{0,30}?(?:在|去|到|[，,：:）)])$"
    # 下午张丽、文明又到二矿社区; …；郭彩霞、冯磊在二矿社区: other people, at the other site.
    r"|(?P<people>(?<=[；;。\n])|(?:上午|下午|晚上|然后|另外|之后))"
    r"[\u4e00-\u9fff]{2,4}(?:[、和跟与][\u4e00-\u9fff]{2,4}){1,5}"
    # (下午吴倩、高峰两人顺路去瓜灯街: how many, and in passing.)
    r"(?:[两俩二三仨]个?人)?(?:一起)?(?:顺路|顺便|顺道|顺带)?(?:又|再)?(?:在|去|到)(?:了|哩|咗)?$"
)


_OPENING_BACK = re.compile(rf"[【\[（(]?\s*+(?:{_LEAD}\s*+)*+$")


def _opening(text: str, start: int) -> int:
    """Where the clause a site opens begins: with the day or group words before it."""
    back = _OPENING_BACK.search(text, max(0, start - 16), start)
    return back.start() if back else start
