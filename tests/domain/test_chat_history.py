from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from dutybot.chat_history import read_history

SHANGHAI = ZoneInfo("Asia/Shanghai")

EXPORT = """\ufeff消息记录（此消息记录为文本格式，不支持重新导入）

================================================================
消息分组:我的群聊
================================================================
消息对象:市外侨办创城工作群
================================================================

2026-11-20 8:05:12 秘书科-王晓明(20001)
【路长制值班日报】
值班路段：玄帝庙街

发现问题：电动车乱停放5处

2026-11-20 8:06:00 李娜<20002@qq.com>
收到

2026-11-20 18:30:45 老周<zhou@example.com>
[图片]好的

2026-11-21 09:00:00 系统消息(10000)
"""


def test_reads_messages_with_their_senders_and_times():
    messages = list(read_history(io.StringIO(EXPORT), SHANGHAI))
    assert [(m.sender, m.qq) for m in messages] == [
        ("秘书科-王晓明", 20001),
        ("李娜", 20002),
        ("老周", None),
        ("系统消息", 10000),
    ]
    first = messages[0]
    assert first.sent_at == datetime(2026, 11, 20, 8, 5, 12, tzinfo=SHANGHAI)
    assert first.text == "【路长制值班日报】\n值班路段：玄帝庙街\n\n发现问题：电动车乱停放5处"
    assert first.line == 9
    assert messages[1].text == "收到"
    assert messages[3].text == ""


def test_preamble_only_and_empty_file():
    assert list(read_history(io.StringIO("消息记录\n====\n"), SHANGHAI)) == []
    assert list(read_history(io.StringIO(""), SHANGHAI)) == []


def test_a_line_that_looks_like_a_date_but_is_not_a_header_stays_text():
    text = "2026-11-20 8:05:12 王晓明(20001)\n2026-13-40 99:99:99 不是时间\n"
    [message] = read_history(io.StringIO(text), SHANGHAI)
    assert message.text == "2026-13-40 99:99:99 不是时间"


def test_windows_line_endings():
    text = "2026-11-20 08:05:12 王晓明(20001)\r\n你好\r\n\r\n"
    [message] = read_history(io.StringIO(text, newline=""), SHANGHAI)
    assert message.text == "你好"
