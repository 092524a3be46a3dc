"""Count tables typed into a message: a header naming the columns (项目 发现 整改 / 问题类别 数量
已整改 未整改 / 序号｜问题类型｜发现数｜已整改｜整改率), then one row per problem with its numbers
under them, aligned with spaces (full-width ones too) or cut by tabs or bars.

A reader takes each row as "this many found, that many fixed"; so does this module, writing
each row as the sentence a person would have written (楼道小广告15处，已整改). Subtotal and total
rows, and a group's heading row above its indented rows, are left out: their numbers are the
rows' again. Rates (整改率 81%) say nothing a count does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from ..quantity import MEASURE_WORDS
from .lexicon import NOT_COUNTED

_FOUND = frozenset(("发现", "数量", "发现数", "问题数", "发现问题", "数目", "件数", "处数", "数"))
_FIXED = frozenset(
    (
        "整改",
        "已整改",
        "当场整改",
        "现场整改",
        "整改数",
        "处理",
        "已处理",
        "已解决",
        "解决",
        "完成",
        "已改",
        "改",
        "已清",
    )
)
# 是否整改｜是/否: whether all of the row was fixed.
_YES_NO = frozenset(("是否整改", "是否处理", "是否解决", "是否完成", "整改情况", "处理情况"))
_NOTE = frozenset(
    (
        "未整改",
        "未改",
        "未处理",
        "未解决",
        "移交",
        "待处理",
        "遗留",
        "备注",
        "待整改",
        "上报",
        "交办",
        "说明",
    )
)
_RATE = frozenset(("整改率", "处理率", "完成率", "解决率", "占比", "比例", "百分比"))
_LABEL = frozenset(("项目", "问题", "名称", "事项", "问题描述", "问题类型", "问题名称", "内容"))
_CATEGORY = frozenset(("类别", "问题类别", "类型", "分类"))
_ROW_NUMBER = frozenset(("序号", "编号", "No", "NO", "no"))
# 序号 问题 地点 数量 是否整改: where, which goes before the item.
_PLACE = frozenset(("地点", "位置", "点位", "区域", "地址", "具体位置", "具体地点"))
_YES = frozenset(("是", "已", "已整改", "已处理", "完成", "✅", "✔", "√"))
_EMPTY = frozenset(("—", "-", "--", "/", "／", "无", "——"))
# 市容秩序｜电动车乱停: a category cell before the item's own.
_CATEGORY_CELL = re.compile(r"(?:市容|环境|基础|宣传|文明|消防|安全)[\u4e00-\u9fff]{0,3}|其他|其它")
_TOTAL_ROW = re.compile(r"小计|合计|总计|共计|累计|总数")
_BARS = re.compile(r"[｜|\t]")
_CELL = re.compile(r"[^\s｜|\t]++")
_COUNT_CELL = re.compile(
    rf"(?:约|大约|大概)?(?P<n>\d{{1,4}}+)(?:余|多)?\s*+(?P<measure>[{MEASURE_WORDS}])?\s*+"
    rf"(?:[（(](?P<note>[^（）()]{{0,30}})[)）])?"
)
_CORRECTED_CELL = re.compile(
    r"\s*+(?:更正|纠正|应为|改为)\s*+[:：]?\s*+(?:是|为|应为)?\s*+(?P<n>\d{1,4})\s*+"
)
# 若干, 多处: a number cell with no number in it.
# (…or said in words: 二十来辆, 三四处.)
_VAGUE_CELL = re.compile(
    rf"若干|多处|一些|少量|几处|好几处|一片|一堆"
    rf"|(?:约|大约|大概)?[一二两三四五六七八九十几俩仨]{{1,4}}(?:来|余|多)?[{MEASURE_WORDS}]?"
)
_ROW_MARK = re.compile(r"[\d①-⑳]{1,3}[.、．]?")
_RATE_CELL = re.compile(r"\d{1,3}(?:\.\d{1,2})?\s*+%")
_MAX_TABLE_LINES = 60
# 备注：基础设施1处为…, 其他为暖气不热3户, 未整改1处：…: a line after a tally by category that
# says what one of its rows was.
_ROW_EXPLAINED = re.compile(
    rf"[ \t]*+(?:(?:备注|说明|注|另)[ \t]*+[:：][ \t]*+)?(?:(?P<kind>[\u4e00-\u9fff]{{2,4}}?)类?"
    rf"(?:\d{{1,3}}[{MEASURE_WORDS}])?为|(?P<open>(?:未|待|尚未)(?:整改|处理|解决)\d{{1,3}}[{MEASURE_WORDS}][:：]))"
)


@dataclass(frozen=True)
class _Cell:
    start: int  # display column, or the cell's place in a line cut by bars or tabs
    end: int
    text: str


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _cells(line: str, cut: bool) -> list[_Cell]:
    """The cells of a line: by place when bars or tabs cut it (an empty cell keeps its place),
    else by where they stand on the screen."""
    if cut:
        return [
            _Cell(i, i + 1, cell.strip())
            for i, cell in enumerate(_BARS.split(line))
            if cell.strip()
        ]
    cells: list[_Cell] = []
    column = 0
    position = 0
    for match in _CELL.finditer(line):
        column += sum(_width(char) for char in line[position : match.start()])
        start = column
        column += sum(_width(char) for char in match.group())
        cells.append(_Cell(start, column, match.group()))
        position = match.end()
    return cells


_KNOWN = _FOUND | _FIXED | _YES_NO | _NOTE | _RATE | _LABEL | _CATEGORY | _ROW_NUMBER | _PLACE


def _header(line: str) -> list[_Cell] | None:
    cells = _cells(line, bool(_BARS.search(line)))
    if not any(c.text in _FOUND for c in cells):
        return None
    if not any(c.text in _FIXED | _YES_NO | _NOTE for c in cells):
        return None
    # Every column a table's: a sentence that happens to hold 发现 and 整改 is none.
    if any(c.text not in _KNOWN for c in cells[1:]):
        return None
    return cells


def _column_of(cell: _Cell, columns: list[_Cell]) -> _Cell:
    """The column a cell stands under: the one whose middle is nearest its own."""
    middle = (cell.start + cell.end) / 2
    return min(columns, key=lambda c: abs((c.start + c.end) / 2 - middle))


def _row_sentence(line: str, columns: list[_Cell], cut: bool) -> str | None:
    """The sentence a row says ("" for a total), or None when the line is no row of the table."""
    cells = _cells(line, cut)
    if len(cells) < 2:
        return None
    named: list[str] = []
    places: list[str] = []
    found = fixed = ""
    all_fixed = False
    kind = ""
    notes: list[str] = []
    for cell in cells:
        role = _column_of(cell, columns).text
        count = _COUNT_CELL.fullmatch(cell.text)
        if (
            (role in _ROW_NUMBER and _ROW_MARK.fullmatch(cell.text))
            or cell.text in _EMPTY
            or _RATE_CELL.fullmatch(cell.text)
        ):
            continue
        if role in _PLACE and count is None:
            places.append(cell.text)
            continue
        if role in _FOUND and count is None and named and _VAGUE_CELL.fullmatch(cell.text):
            found = found or cell.text
            continue
        if role in _FOUND | _FIXED and count is None and not named:
            return None  # a number column with words in it before any item: no row
        if role in _FOUND and count is not None:
            note = count.group("note") or ""
            corrected = _CORRECTED_CELL.fullmatch(note)
            # 11（更正：10）: the count put right in the cell itself.
            number = corrected.group("n") if corrected else count.group("n")
            found = found or number + (count.group("measure") or "处")
            if note and not corrected:
                notes.append(note)
        elif role in _FIXED and count is not None:
            fixed = fixed or count.group("n")
            if count.group("note"):
                notes.append(count.group("note"))
        elif role in _YES_NO:
            all_fixed = cell.text in _YES
            if cell.text not in _YES | {"否", "未", "未整改"}:
                notes.append(cell.text)
        elif role in _NOTE and count is not None:
            if count.group("note"):
                notes.append(count.group("note"))
        elif role in _CATEGORY and _CATEGORY_CELL.fullmatch(cell.text):
            kind = cell.text  # 市容秩序 17 15: a group's heading, unless an item follows
        elif count is None and role not in _FOUND | _FIXED:
            (notes if named and role in _NOTE else named).append(cell.text)
        elif count is None:
            notes.append(cell.text)  # 已清理 under 处理: what became of it, in words
        else:
            return None
    item = "".join(named) or kind
    if not item:
        return None
    item = "".join(places) + item
    if _TOTAL_ROW.search(item):
        return ""
    if not found:
        return None
    # 类别 发现 整改 / 环境卫生 4 4: a row of a tally by category is that many problems of the
    # category (a tally line of its own, 环境卫生4处, would head the items that follow).
    sentence = (f"发现{item}问题" if item == kind and not places else item) + found
    digits = re.match(r"\d+", found)
    number = int(digits.group()) if digits else 1
    if all_fixed or (fixed and int(fixed) >= number):
        sentence += "，已整改"
    elif fixed and int(fixed) > 0:
        sentence += f"，已整改{fixed}处"
    if notes:
        sentence += "，" + "，".join(notes)
    return sentence + "。"


def _indent(line: str) -> int:
    return sum(_width(c) for c in line[: len(line) - len(line.lstrip())])


# 项目：数量/已处理/未处理, then 电瓶车乱停：14/14/0: a table typed as slash-separated lines.
_SLASH_HEADER = re.compile(
    r"[ \t]*+(?:项目|问题|类别|事项)?\s*+[:：]?\s*+"
    r"(?P<columns>[\u4e00-\u9fff]{1,4}(?:\s*+/\s*+[\u4e00-\u9fff]{1,4}){1,4})\s*+"
)
_SLASH_ROW = re.compile(
    r"[ \t]*+(?P<item>[^:：/\n]{1,30}?)\s*+[:：]\s*+(?P<values>[^/\n（(]{1,6}(?:/[^/\n（(]{1,6}){1,4})\s*+"
    # 电动车乱停：8/5/3（车主未到）: a note on the row; the cells tell the counts.
    r"(?P<note>[（(][^（）()\n]{1,20}[）)])?\s*+"
)


def _slash_rows(lines: list[str], index: int) -> tuple[list[str], int] | None:
    """The sentences of a slash table whose header is ``lines[index]``, and the line after it."""
    header = _SLASH_HEADER.fullmatch(lines[index])
    if header is None:
        return None
    columns = [c.strip() for c in header.group("columns").split("/")]
    if not any(c in _FOUND for c in columns) or not any(c in _FIXED | _NOTE for c in columns):
        return None
    sentences: list[str] = []
    index += 1
    while index < len(lines):
        row = _SLASH_ROW.fullmatch(lines[index])
        if row is None:
            break
        values = [v.strip() for v in row.group("values").split("/")]
        index += 1
        item = row.group("item").strip()
        if _TOTAL_ROW.search(item) or NOT_COUNTED.search(row.group("note") or ""):
            continue  # (护栏松动：1/0/1（12.16已报，不计入）: not today's.)
        found = fixed = ""
        for column, value in zip(columns, values, strict=False):
            if column in _FOUND:
                found = value
            elif column in _FIXED:
                fixed = value
        if not found:
            continue
        count = _COUNT_CELL.fullmatch(found)
        sentence = item + (count.group("n") + (count.group("measure") or "处") if count else found)
        done = _COUNT_CELL.fullmatch(fixed)
        if done and count and int(done.group("n")) >= int(count.group("n")):
            sentence += "，已整改"
        elif done and int(done.group("n")) > 0:
            sentence += f"，已整改{done.group('n')}处"
        elif fixed.startswith("已"):
            sentence += "，" + fixed
        sentences.append(sentence + "。")
    return (sentences, index) if sentences else None


_LINED_UP = re.compile(r"\S[ \u3000]{2,}\S")


def _tabbed_in_order(lines: list[str], index: int, cells: Callable[[str], list[str]]) -> bool:
    """Rows cut by ``cells`` under the header ``lines[index]``: when every row has as many cells
    as the header, they are read in order, as if cut by tabs."""
    width = len(cells(lines[index]))
    end = index + 1
    while (
        end < len(lines)
        and end - index <= _MAX_TABLE_LINES
        and not _BARS.search(lines[end])
        and len(cells(lines[end])) == width
    ):
        end += 1
    if width < 3 or end == index + 1:
        return False
    for row in range(index, end):
        lines[row] = "\t".join(cells(lines[row]))
    return True


def _single_spaced(line: str) -> list[str]:
    return line.split()


def _double_spaced(line: str) -> list[str]:
    return _WIDE_GAP.split(line.strip())


_WIDE_GAP = re.compile(r"[ \u3000]{2,}")


def _tabbed_when_single_spaced(lines: list[str], index: int) -> bool:
    """问题 数量 已改 未改 / 电动车乱停 14 14 0: cells cut by one space, not lined up."""
    if _BARS.search(lines[index]) or _LINED_UP.search(lines[index]):
        return False
    return _tabbed_in_order(lines, index, _single_spaced)


def _tabbed_when_double_spaced(lines: list[str], index: int) -> bool:
    """序号  问题  地点  数量 / 1  电动车乱停放  咖啡城门口  7辆: cells cut by two spaces or more,
    not lined up on the screen."""
    header = lines[index]
    if _BARS.search(header) or len(_single_spaced(header)) != len(_double_spaced(header)):
        return False
    return _tabbed_in_order(lines, index, _double_spaced)


def read_tables(text: str) -> str:
    """The message with every count table written out as sentences, one per row."""
    if "\n" not in text or not any(word in text for word in _FOUND):
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        slashed = _slash_rows(lines, index)
        if slashed is not None:
            out.extend(slashed[0])
            index = slashed[1]
            continue
        columns = _header(lines[index])
        if columns is None:
            out.append(lines[index])
            index += 1
            continue
        if _tabbed_when_single_spaced(lines, index) or _tabbed_when_double_spaced(lines, index):
            columns = _header(lines[index])
            if columns is None:
                out.append(lines[index])
                index += 1
                continue
        cut = bool(_BARS.search(lines[index]))
        rows: list[tuple[str, str]] = []
        row_index = index + 1
        while row_index < len(lines) and len(rows) < _MAX_TABLE_LINES:
            line = lines[row_index]
            sentence = _row_sentence(line, columns, cut and bool(_BARS.search(line)))
            if sentence is None:
                break
            rows.append((line, sentence))
            row_index += 1
        if not rows:
            out.append(lines[index])
            index += 1
            continue
        index = row_index  # the header says nothing once its rows are read
        # The rows that are no total (合计 may be indented like a group's rows).
        counted = [(line, sentence) for line, sentence in rows if sentence]
        kinds = [s[2 : s.find("问题")] for _, s in counted if s.startswith("发现")]
        while kinds and index < len(lines):
            # 备注：基础设施1处为医院北门雨水井盖缺失: what a row of the tally was, not one more.
            explained = _ROW_EXPLAINED.match(lines[index])
            if explained is None or not (explained["kind"] in kinds or explained["open"]):
                break
            index += 1
        for position, (line, sentence) in enumerate(counted):
            following = counted[position + 1][0] if position + 1 < len(counted) else ""
            if following and _indent(following) > _indent(line):
                continue  # 市容秩序 17 15 above 　电动车 11 11: a group's heading
            out.append(sentence)
    return "\n".join(out)
