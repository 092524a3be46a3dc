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
_LABEL_COLUMNS = frozenset(("项目", "问题类别", "类别", "问题", "名称", "事项", "类型", "问题类型"))
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
    roles = [c for c in cells if c[2] in _FOUND_COLUMNS | _FIXED_COLUMNS | _OTHER_COLUMNS]
    if len(roles) < 2 or not any(c[2] in _FOUND_COLUMNS for c in roles):
        return None
    if any(c not in roles and c[2] not in _LABEL_COLUMNS for c in cells[1:]):
        return None
    return roles


def _indent(line: str) -> int:
    return sum(_width(c) for c in line[: len(line) - len(line.lstrip())])


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
    item = "".join(c[2] for c in cells[:first_number])
    found = fixed = None
    rest: list[str] = []
    for start, end, text in cells[first_number:]:
        number = _NUMBER.match(text)
        if number is None:
            rest.append(text)
            continue
        if number.end() < len(text) and text[number.end()] not in "（(":
            return None  # 23张｜已清理: a table of words, which the reader takes as it is
        middle = (start + end) / 2
        column = min(columns, key=lambda c: abs((c[0] + c[1]) / 2 - middle))
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
    if fixed and fixed >= found:
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
