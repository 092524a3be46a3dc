"""Count tables typed into a message: a header naming the columns (项目 发现 整改 / 问题类别 数量
已整改 未整改), then one row per problem with its numbers under them, aligned with spaces
(full-width ones too) or cut by tabs.

A reader takes each row as "this many found, that many fixed"; so does this module, writing
each row as the sentence a person would have written (楼道小广告15处，已整改). Subtotal and total
rows, and a group's heading row above its indented rows, are left out: their numbers are the
rows' again.
"""

from __future__ import annotations

import re
import unicodedata

_FOUND_COLUMNS = frozenset(("发现", "数量", "发现数", "问题数", "发现问题", "数目", "件数", "处数"))
_FIXED_COLUMNS = frozenset(
    ("整改", "已整改", "当场整改", "现场整改", "整改数", "处理", "已处理", "已解决", "解决", "完成")
)
_OTHER_COLUMNS = frozenset(
    ("未整改", "未处理", "未解决", "移交", "待处理", "遗留", "备注", "待整改", "上报", "交办")
)
_LABEL_COLUMNS = frozenset(
    ("项目", "问题类别", "类别", "问题", "名称", "事项", "类型", "问题类型", "问题描述", "序号")
)
# 是否整改｜是/否: whether all of the row was fixed.
_YES_NO_COLUMNS = frozenset(
    ("是否整改", "是否处理", "是否解决", "是否完成", "整改情况", "处理情况")
)
_YES = frozenset(("是", "已", "已整改", "已处理", "完成", "✅", "✔", "√", "√️"))
# 市容秩序｜电动车乱停: a category cell before the item's own.
_CATEGORY_CELL = re.compile(r"(?:市容|环境|基础|宣传|文明|消防|安全)[\u4e00-\u9fff]{0,3}|其他|其它")
_TOTAL_ROW = re.compile(r"小计|合计|总计|共计|累计|总数")
_CELL = re.compile(r"[^\s｜|\t]++")
_NUMBER = re.compile(r"\d{1,4}+")
_MAX_TABLE_LINES = 60


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line, each with its display start and end column (tabs and bars cut
    cells like wide gaps)."""
    cells: list[tuple[int, int, str]] = []
    column = 0
    position = 0
    for match in _CELL.finditer(line):
        for char in line[position : match.start()]:
            column += 8 if char == "\t" else _width(char)
        start = column
        for char in match.group():
            column += _width(char)
        cells.append((start, column, match.group()))
        position = match.end()
    return cells


def _header(line: str) -> list[tuple[int, int, str]] | None:
    cells = _tab_cells(line) if "\t" in line else _cells(line)
    roles = [
        c
        for c in cells
        if c[2] in _FOUND_COLUMNS | _FIXED_COLUMNS | _OTHER_COLUMNS | _YES_NO_COLUMNS
    ]
    if len(roles) < 2 or not any(c[2] in _FOUND_COLUMNS for c in roles):
        return None
    if any(c not in roles and c[2] not in _LABEL_COLUMNS for c in cells[1:]):
        return None
    return roles


def _indent(line: str) -> int:
    return sum(_width(c) for c in line[: len(line) - len(line.lstrip())])


def _column_of(start: int, end: int, columns: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The column a cell stands under: the one whose middle is nearest its own."""
    middle = (start + end) / 2
    return min(columns, key=lambda c: abs((c[0] + c[1]) / 2 - middle))


def _tab_cells(line: str) -> list[tuple[int, int, str]]:
    """Cells cut by tabs, numbered by their place (an empty cell keeps its place)."""
    return [(i, i + 1, cell.strip()) for i, cell in enumerate(line.split("\t")) if cell.strip()]


def _row_sentence(line: str, columns: list[tuple[int, int, str]], tabbed: bool) -> str | None:
    """The sentence a row says, or None when the line is no row of the table."""
    cells = _tab_cells(line) if tabbed else _cells(line)
    if len(cells) < 2 or _NUMBER.fullmatch(cells[0][2]):
        return None
    first_number = next((i for i, c in enumerate(cells) if _NUMBER.match(c[2])), None)
    if first_number is None or first_number == 0:
        return None
    named = [c[2] for c in cells[:first_number]]
    if len(named) > 1 and _CATEGORY_CELL.fullmatch(named[0]):
        named = named[1:]
    item = "".join(named)
    found = fixed = None
    all_fixed = False
    rest: list[str] = []
    for start, end, text in cells[first_number:]:
        number = _NUMBER.match(text)
        if number is None:
            column = _column_of(start, end, columns)
            if column[2] in _YES_NO_COLUMNS and (tabbed or abs(column[0] - start) <= 4):
                all_fixed = text in _YES
            else:
                rest.append(text)
            continue
        if number.end() < len(text) and text[number.end()] not in "（(":
            return None  # 23张｜已清理: a table of words, which the reader takes as it is
        column = _column_of(start, end, columns)
        if column[2] in _FOUND_COLUMNS and found is None:
            found = int(number.group())
        elif column[2] in _FIXED_COLUMNS and fixed is None:
            fixed = int(number.group())
        tail = text[number.end() :].strip("（）() ")
        if tail:
            rest.append(tail)
    if _TOTAL_ROW.search(item):
        return ""
    if not found:
        return item + "，" + "，".join(rest) + "。" if rest else ""
    sentence = f"{item}{found}处"
    if all_fixed or (fixed and fixed >= found):
        sentence += "，已整改"
    elif fixed:
        sentence += f"，已整改{fixed}处"
    if rest:
        sentence += "，" + "，".join(rest)
    return sentence + "。"


def read_tables(text: str) -> str:
    """The message with every count table written out as sentences, one per row."""
    if "\n" not in text or not any(word in text for word in _FOUND_COLUMNS):
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        columns = _header(lines[index])
        if columns is None:
            out.append(lines[index])
            index += 1
            continue
        tabbed = "\t" in lines[index]
        rows: list[tuple[str, str]] = []
        row_index = index + 1
        while row_index < len(lines) and len(rows) < _MAX_TABLE_LINES:
            line = lines[row_index]
            sentence = _row_sentence(line, columns, tabbed and "\t" in line)
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
        for position, (line, sentence) in enumerate(counted):
            following = counted[position + 1][0] if position + 1 < len(counted) else ""
            if following and _indent(following) > _indent(line):
                continue  # 市容秩序 17 15 above 　电动车 11 11: a group's heading
            out.append(sentence)
    return "\n".join(out)
