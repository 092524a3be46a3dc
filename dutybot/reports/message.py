"""A whole message: the cheap exit for chat, splitting by site, the date, then each site's text."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from ..unit import Category, Site, StaffMember, Unit
from .amounts import first_amount
from .clean import TALLIED_PAIR, clean_text, keep_unit_spelling
from .dates import mask_names, read_date, stated_date
from .lexicon import (
    DUTY_WORDS,
    NO_PROBLEM,
    NOTICE_START,
    NOTICE_WORDS,
    OBJECT_WORDS,
    PERIOD_SUMMARY,
    PROBLEM_PREDICATE,
    QUESTION,
    TALLY_NOTICE,
)
from .misheard import mend_misheard
from .model import MAX_ANALYSED_CHARS, ParsedReport
from .reading import read_section
from .sites import name_sites_by_kind, split_by_site
from .status import read_status
from .unitwords import UnitWords, unit_words


def parse(
    text: str, sent_at: datetime, unit: Unit, assume_report: bool = False
) -> list[ParsedReport]:
    if not isinstance(text, str) or not text:
        return []
    notes: list[str] = []
    if len(text) > MAX_ANALYSED_CHARS:
        text = text[:MAX_ANALYSED_CHARS]
        notes.append(f"消息太长，只读了前{MAX_ANALYSED_CHARS}字")
    if not assume_report and _CAPTIONS_ONLY.fullmatch(text):
        return []
    text = prepared_text(text, unit)
    lexicon = unit_words(unit)
    own = _own_part_after_forward(text)
    if own is not text:
        # 【乘风社区】…转发… ———— 我们今天值班: the site named above still names the duty's.
        site_above = lexicon.site_pattern.search(text) if lexicon.site_pattern else None
        if site_above and not lexicon.site_pattern.search(own):
            own = f"{site_above.group()}\n{own}"
        text = own
    # The cheap exit that most chat takes.
    site_hit = lexicon.site_pattern.search(text) if lexicon.site_pattern else None
    if not assume_report and (
        (not site_hit and not DUTY_WORDS.search(text) and not _looks_like_duty(text, lexicon))
        or (_notice(text, unit) and not _team_report_forwarded(text, lexicon))
    ):
        return []

    # (only where no site is named: 路段：… under a heading that names one is the label.)
    if not site_hit:
        text = name_sites_by_kind(text, lexicon)
    sections = split_by_site(text, lexicon)
    day, date_notes, only_future = read_date(mask_names(text, lexicon), sent_at.date())
    if only_future and not assume_report:
        return []  # 1月15日值班名单… : about a duty still to come
    notes.extend(date_notes)

    reports: list[ParsedReport] = []
    strong = False
    alone = len(sections) == 1
    readings = [
        (site, body, read_section(body, lexicon, whole_message=alone)) for site, body in sections
    ]
    # The first team named, for parts of the message that name none (东段和西段一起巡的…;
    # 东段无问题；西段…。李卫东、张思琪。).
    team = next((tuple(r.staff) for _s, _b, r in readings if r.staff), ())
    for site, body, reading in readings:
        # 昨天9网格…今天西段…: each part of a message about several sites may state its own day.
        own_day = (
            stated_date(mask_names(body, lexicon), sent_at.date()) if len(sections) > 1 else None
        )
        strong = strong or reading.strong
        if not reading.has_content and not (assume_report and len(sections) == 1):
            continue
        site_notes = list(notes)
        if site is None:
            site_notes.append(_unknown_site_note(text))
        site_notes.extend(f"“{name}”不在人员名单中，按原文记" for name in reading.unlisted)
        site_notes.extend(reading.notes)
        reports.append(
            ParsedReport(
                date=own_day or day,
                site=site.name if site else None,
                # 东段和西段一起巡的，张磊、何静。东段…；西段…: the team named once did both.
                staff=tuple(reading.staff) or tuple(n for n in team if n not in reading.absent),
                found=tuple(reading.found),
                resolved=tuple(reading.resolved),
                activities=tuple(reading.activities),
                notes=tuple(site_notes),
                problems=tuple(reading.problems),
                absent=tuple(reading.absent),
                repeated_sentences=reading.repeated_sentences,
            )
        )
    if not reports:
        return []
    if not strong and not assume_report:
        # Without a report's shape, a question, a request to others or a period summary is chat.
        notice = NOTICE_WORDS.search(text)
        if (notice and not _after_the_duty(text, notice.start(), reports)) or (
            QUESTION.search(text) and not _report_with_a_question(text, reports)
        ):
            return []
        praise = _PRAISE.search(text)
        if praise and (
            (not any(r.staff for r in reports) and not _items_after_praise(text, praise, reports))
            # 特别表扬农家福、蒙小燕两位同志: people praised by name, no duty told.
            # (表扬一下7网格冉秋菊、邓雪梅两位同志: the site named is whose people they are.)
            or not any(r.found or r.activities for r in reports)
        ):
            return []  # 人民路今天表现不错，电动车摆放整齐，给大家点赞: praise for the team
        summary = PERIOD_SUMMARY.search(text)
        if (
            summary
            and (not site_hit or TALLY_NOTICE.search(text))
            and not _summary_after_the_duty(text, summary.start(), reports)
            # 三组本周值班汇总：周二（11月17日）建设大街…：姜海涛、陈立新…: a team's own duties of
            # the week, day by day, each with its people and what they found.
            and not _days_of_the_week_told(text, reports)
        ):
            return []
        if _OTHERS_VISIT.match(text) and not any(r.staff for r in reports):
            return []  # 测评组上午来咱永泰街转了一圈…: someone else's round, not the team's
        if _FOR_TOMORROW.match(text) and not any(r.found or r.activities for r in reports):
            return []  # 明天电力新村：刘倩、贾文博…: who is on duty next, not a report
        if _REPLY_WITH_OUTCOME.match(text) and not any(r.site or r.staff for r in reports):
            return []  # 清走了，施工队昨天下午拉走的: an answer in the chat
        if _ANSWERED.search(text) and not any(r.staff for r in reports):
            return []  # 英龙街那个井盖昨晚已经换新的了，请知悉: another office answering
        if _puts_another_message_right(text, reports, lexicon):
            return []  # 更正：今天建设路报的共享单车是25辆，不是20余辆: puts another message right
        if _WORK_ORDER.search(text) and not any(r.staff for r in reports):
            return []  # 【转12345工单】市民反映…: a complaint passed on for the team to check
        if _REPLY_WITH_A_PROMISE.match(text) and not any(r.staff or r.resolved for r in reports):
            return []  # 收到。流浪狗的事我跟社区再说一下; @杨倩 你跟住建局再催一下: chat about a follow-up
        if _AT_SOMEONE.match(text) and not any(r.staff and r.found_total > 1 for r in reports):
            return []  # @田志刚 志刚，你报的小广告“三四十张”我按40张统计了: a word to one person
        if _CARE_ADVICE.search(text) and not any(r.staff or r.resolved for r in reports):
            return []  # 路面可能结冰，值班同志穿防滑鞋，注意安全: a warning for the next duty
        if _THANKS_FIRST.match(text) or _REPORTS_RECEIVED.search(text):
            return []  # 谢谢罗姐帮忙协调物业…; 两个组的日报都收到了，辛苦大家: the coordinator's word
        if _ADDRESSED.match(text) and not any(
            r.staff or r.activities or r.found_total > 1 for r in reports
        ):
            return []  # 刘主任，东关那个垃圾池社区说下午派车清运: a word to someone, not a report
        asked_of = _ASKED_BY_NAME.match(text)
        if asked_of and not any(
            r.found or r.activities or set(r.staff) - {asked_of["name"]} for r in reports
        ):
            return []  # 娄军，没问题也请写一下巡查了哪些地方: a request to one of the team
    return reports


_DAY_PART = re.compile(r"(?:^|(?<=[；;：:。\n]))[ \t]*+(?:周|星期|礼拜)[一二三四五六日天][（(]")


def _days_of_the_week_told(text: str, reports: list[ParsedReport]) -> bool:
    return len(_DAY_PART.findall(text)) >= 2 and any(r.staff and r.found for r in reports)


# Someone else's round or inspection (测评组上午来咱永泰街转了一圈).
_OTHERS_VISIT = re.compile(
    r"\s*+(?:市|区|县)?(?:测评组|督查组|检查组|暗访组|考核组|创城办|创建办|文明办|领导)"
)
_FOR_TOMORROW = re.compile(r"\s*+(?:明天|明日|后天|下周[一二三四五六日天]?)")
_REPLY_WITH_OUTCOME = re.compile(
    r"\s*+(?:已经?|都)?(?:清走|拉走|处理|修好|弄好|搞定|收走|搬走|解决)了?[，,。！!]"
)


def _items_after_praise(text: str, praise: re.Match[str], reports: list[ParsedReport]) -> bool:
    """…三家都没摆出来，表扬一下。根雕坊门口木料堆了两三堆…: shops praised in a report whose
    problems are told around the praise, not the team praised for its day."""
    if praise.group() not in ("表扬", "点赞"):
        return False  # 感谢大家, 继续保持: the group thanked, whatever figures come with it
    found = [item for r in reports for item in r.found]
    # …新安江大桥下垃圾桶满了…外卖盒七八个，捡了…她自己拿袋子捡走了，点赞: the problems of a
    # round told first, a passer-by praised at its end.
    if sum(0 <= text.find(item.text[:4]) < praise.start() for item in found) >= 2:
        return True
    end = _SENTENCE_END.search(text, praise.end())
    # (表扬一下马路同志！他自己跑去…把沙发搬走了: praise first, then what was praised.)
    if end is None or not _SENTENCE_END.search(text, 0, praise.start()):
        return False
    return any(text.find(item.text[:4], end.end()) >= 0 for item in found)


_SENTENCE_END = re.compile(r"[。！!；;\n]")


def _after_the_duty(text: str, at: int, reports: list[ParsedReport]) -> bool:
    """…清理楼道小广告11处…。下一步，…1月份值班表另行通知: a team's report, its items told
    before the words of a notice at its end."""
    for report in reports:
        if len(report.staff) >= 2 and report.found:
            first_name = text.find(report.staff[0])
            first_item = text.find(report.found[0].text[:4])
            if 0 <= first_name < at and 0 <= first_item < at:
                return True
    return False


def _summary_after_the_duty(text: str, summary_at: int, reports: list[ParsedReport]) -> bool:
    """A look back over the year after today's team and items (…清理牛皮癣十余处。一年来，
    累计值班70余次): the report stands, the look back is its ending."""
    if _after_the_duty(text, summary_at, reports):
        return True
    for report in reports:
        if len(report.staff) >= 2 and report.found:
            first_name = text.find(report.staff[0])
            first_item = text.find(report.found[0].text[:4])
            # 恽建平、承海军…值班。2026年以来，累计…。今天值班中，同志们规范停放电动车…: the
            # look back sits between the team and today's items.
            back_to_today = _TODAY.search(text, summary_at)
            if (
                0 <= first_name < summary_at
                and back_to_today is not None
                and back_to_today.start() < first_item
            ):
                return True
    return False


_TODAY = re.compile(r"今天|今日|当天")


# 请知悉, 谢谢反馈, 谢谢中心的同志: another office's answer about what it saw to.
_ANSWERED = re.compile(
    r"请知悉|特此回复|谢谢(?:你们的)?反馈|感谢(?:你们的)?反馈|谢谢[\u4e00-\u9fff]{0,6}的同志"
)
_PRAISE = re.compile(
    r"点赞|表现不错|表扬|值得肯定|做得好|做得不错|干得好|给大家|"
    # 大家辛苦了！…要保持住: thanks and a word to keep it up.
    r"保持住|继续保持|"
    # 今天区创文办检查，对我们网格评价不错，感谢大家: the group thanked for an inspection.
    r"评价不错|零扣分|感谢大家|感谢[^，。！!]{1,6}组"
)
# 更正一下张科上面说的…, 更正：今天报的…: a short note putting an earlier message right (not
# 更正（以此条为准）：…, the whole report again).
_CORRECTION_NOTE = re.compile(r"\s*+(?:更正|纠正)")
_FIGURE_NOTE = re.compile(
    # 上条更正：…, 【更正】…, 上条第二项写错了: the note may name the message first.
    r"\s*+[【\[]?(?:(?:上一?条|刚才那?条)(?:第[一二三四五六七八九十\d]项)?[的，,：:\s]*+)?"
    r"(?:更正|纠正|写错了|有误)"
)
# 上条…, 第2条是…, 其余不变, 我数错了: a figure of another message replaced. (A bare 是18辆，不是
# 15辆，都整理好了 may be the one team's only report of the fix, and stays one.)
_FIGURE_REPLACED = re.compile(
    r"上一?条|第[一二三四五六七八九十\d]+[条项]|写错|写成|算错|数错|记错|其[余他]不变"
)
_REPORT_AGAIN = re.compile(r"以(?:此|这条|本条|此条)为准|重发")
_CORRECTION_NOTE_CHARS = 80
_ANOTHER_MESSAGE = re.compile(r"日报里|统计表|上条|上一条|刚才(?:报|发)的|昨天报的|上午报的")
_IN_THE_TALLY = re.compile(r"统计表|台账里|表里")
# 更正：上午林立那条，…; 何鹏发的南大街那条: someone's message, named by whose it was (not
# 荷禹那条, 货车那条: a site's or an item's line, which the correction may restate).
_WHOSE_MESSAGE_AFTER = re.compile(r"(?:发的|报的)?[^，,。；;\n]{0,6}?那条")


def _names_whose_message(text: str, lexicon: UnitWords) -> bool:
    if lexicon.staff_pattern is None:
        return False
    return any(
        _WHOSE_MESSAGE_AFTER.match(text, m.end()) for m in lexicon.staff_pattern.finditer(text)
    )


def _puts_another_message_right(text: str, reports: list[ParsedReport], lexicon: UnitWords) -> bool:
    """A short correction note about another message's figure, not the report told again."""
    if len(text) >= _CORRECTION_NOTE_CHARS or _REPORT_AGAIN.search(text):
        return False
    # 上条更正：入户是30户，不是二十来户: a figure replaced, no site's report told again.
    if (
        _FIGURE_NOTE.match(text)
        and (
            _FIGURE_REPLACED.search(text)
            or ("不是" in text and not any(r.resolved for r in reports))
        )
        and not any(r.site for r in reports)
    ):
        return True
    if not _CORRECTION_NOTE.match(text):
        return False
    whose = _names_whose_message(text, lexicon)
    # 更正：昨天周毅报的电瓶车是12辆，统计表里写成21了: the tally's figure put right.
    people_told = any(r.staff for r in reports) and not (_IN_THE_TALLY.search(text) or whose)
    # 更正：昨天站前街日报里电动车是挪走4辆，不是5辆: another message's figure.
    fixes_told = any(r.resolved for r in reports) and not (_ANOTHER_MESSAGE.search(text) or whose)
    return not people_told and not fixes_told


_WORK_ORDER = re.compile(r"工单|[【\[]转(?!发)")
# 路面可能结冰，值班同志穿防滑鞋，注意安全: a word of care for whoever is on duty next.
_CARE_ADVICE = re.compile(r"注意(?:安全|防寒|保暖|防滑|防暑)|防滑鞋")
# 谢谢钟涛、冯建军加班！…, 感谢大家: thanks open a word in the chat, not a report.
_THANKS_FIRST = re.compile(r"\s*+(?:谢谢|感谢|多谢)")
# 两个组的日报都收到了, 收到王主任的汇总: the reports acknowledged.
_REPORTS_RECEIVED = re.compile(
    r"(?:日报|汇总|报告)[^。！!\n]{0,4}?(?:都|已)?收到|收到[^。！!，,\n]{0,8}?(?:日报|汇总)"
)
# A reply or a word to someone in the group (收到。…, 好的伍局。…, @徐敏 …) about what will be done next.
_REPLY_WITH_A_PROMISE = re.compile(
    r"\s*+(?:收到|好的|好嘞|嗯嗯?|OK|ok|@)[^！!\n]{0,60}?"
    r"(?:再(?:跟|去|催|问|看|说|发|联系)|催一下|说一声|回头|跟进一下|盯一下|跟踪一下)"
)
# A message that opens by speaking to someone (刘主任，…; 孟主任 今儿没入户…).
# @蒋敏 你补报的…我对了照片只有12处; @黎明 后门路灯那个下次值班顺便看一下: someone in the
# group spoken to by name, about what they should do or how their figure was taken.
_AT_SOMEONE = re.compile(
    r"\s*+[@＠][^\s，,：:@＠]{1,8}\s*+[^。！!\n]{0,24}?"
    r"(?:你|您|请|麻烦|下次|记得|顺便|我按|按[^，。]{0,6}统计|统计按|也发一下|补发一下)"
)
# 娄军，没问题也请写一下巡查了哪些地方…: one of the team asked, by name, to do something.
_ASKED_BY_NAME = re.compile(
    r"\s*+(?P<name>[\u4e00-\u9fff]{2,4})[，,][^。！!\n]{0,12}?(?:请|麻烦|记得|下次|别忘)"
)
_ADDRESSED = re.compile(
    r"\s*+[\u4e00-\u9fff]{1,3}?(?:主任|科长|局长|书记|组长|队长|站长|老师|领导|总|哥|姐)(?:\s*+[，,：:]|\s++)"
)


_QUESTION_SENTENCE = re.compile(r"[^。！!；;，,\n?？]*+[?？]")


def _report_with_a_question(text: str, reports: list[ParsedReport]) -> bool:
    """…跟房东讲了，他说明天整，给是要报社区咯？今天岩温龙、字海波…: a team's report that asks
    something on the way is still the report (a question about one is not)."""
    if not any(len(r.staff) >= 2 and r.found for r in reports):
        return False
    asked = sum(len(m.group()) for m in _QUESTION_SENTENCE.finditer(text))
    return asked * 4 < len(text)


def prepared_text(text: str, unit: Unit) -> str:
    """The message as it is read: cleaned, with the unit's own spellings kept and the trade's
    words that voice input misheard put back (the item texts are cut from this)."""
    spellings = _unit_spellings(unit.staff, unit.sites)
    text = keep_unit_spelling(clean_text(text, spellings), spellings)
    return mend_misheard(text, _trade_words(unit.categories), keep=spellings)


@lru_cache(maxsize=16)
def _trade_words(categories: tuple[Category, ...]) -> tuple[str, ...]:
    """The unit's own words for problems, which voice input may mishear."""
    return tuple(word for category in categories for word in category.keywords)


@lru_cache(maxsize=16)
def _unit_spellings(staff: tuple[StaffMember, ...], sites: tuple[Site, ...]) -> tuple[str, ...]:
    """The names and site words of the unit, as its file writes them (once per unit, not per
    message)."""
    words = [member.name for member in staff]
    for site in sites:
        words.append(site.name)
        words.extend(site.aliases)
    return tuple(words)


_FORWARDED = re.compile(r"\s*+(?:[【\[]?转发|转[:：]|转自)")
# ———— or ——以上是社区发的。: where the forwarded text ends and the writer's own begins.
_FORWARD_END = re.compile(
    r"\n[ \t]*+(?:[—\-_=~～]{2,}[^\n]{0,20}|以上[^\n]{0,12}?发的[^\n]{0,6})(?=\n)"
)


def _own_part_after_forward(text: str) -> str:
    """转发社区网格员的消息：… ———— 我们今天值班…: the writer's own report below a forward."""
    if not _FORWARDED.match(text):
        return text
    ends = list(_FORWARD_END.finditer(text))
    if not ends:
        return text
    own = text[ends[-1].end() :]
    return own if DUTY_WORDS.search(own) or _OWN_DUTY.search(own) else text


_OWN_DUTY = re.compile(r"我们|咱们|俺们|今天|今日")
# [图片][图片]\n图1 东堤北路江边步道\n图2 篦子清理后: photos and their captions, the report to
# follow (or gone before).
# (图1 参花街 韩式炸鸡店门前积雪 已清理, a caption sent alone, is a piece of the report.)
_CAPTIONS_ONLY = re.compile(
    r"(?:\s*+\[图片\])++(?:\s*+(?:[（(]?图\s*+\d{1,2}[）)]?|\[图片\])[^\n\d]{0,30}+)++\s*+"
    # [图片][图片] 南西街15号、17号推车整改前后, 工人村楼道小广告清理前后对比, 庞金路口早上7:30班车
    # 停靠情况: one phrase saying what the photos show (not 鱼箱堆放人行道，已搬离 [图片] 整改后).
    r"|(?:\s*+\[图片\])++[ \t\n]*+(?:[^\n\d，,。；;！!\[]|\d{1,3}+(?:号|[:：]\d\d)){2,30}?"
    r"(?:前后(?:对比)?|对比|(?:整改|清理|拆除)[前后](?:的?照片)?|的?照片|情况)"
    r"(?:[，,][ \t]*+补一[下张])?[。.]?\s*+"
)


def _team_report_forwarded(text: str, lexicon: UnitWords) -> bool:
    """转发网格组今天的情况，整体不错…\n【18网格值班 11.19】\n人员：孙丽萍 乐燕…: a leader passing
    on the team's own report, its site and people in it (not another office's notice)."""
    if not _FORWARDED.match(text) or lexicon.staff_pattern is None or lexicon.site_pattern is None:
        return False
    # (@孙建华 @刘国栋 麻烦明早带人去处理: people asked to act, not a team reporting.)
    names = {
        m.group()
        for m in lexicon.staff_pattern.finditer(text)
        if not m.start() or text[m.start() - 1] not in "@＠"
    }
    return len(names) >= 2 and lexicon.site_pattern.search(text) is not None


def _notice(text: str, unit: Unit) -> bool:
    """A notice to the group, or another office answering (县城管局：…); not the unit itself
    heading its own report."""
    notice = NOTICE_START.search(text)
    return notice is not None and not (unit.name and unit.name in notice.group())


def _looks_like_duty(text: str, lexicon: UnitWords) -> bool:
    """No site and no duty word, yet a report: a site as it sounds (凤凰成社区), or someone on
    the staff list with a problem or an all-clear (我跟许志强去的，捡了点垃圾)."""
    if lexicon.site_sound_pattern is not None and any(
        lexicon.site_by_sound(m.group()) for m in lexicon.site_sound_pattern.finditer(text)
    ):
        return True
    if (
        lexicon.staff_pattern is not None
        and lexicon.staff_pattern.search(text)
        and (lexicon.classifier.words(text) or NO_PROBLEM.search(text))
    ):
        return True
    # 周一 电瓶车 12/10 垃圾 1/1 小广告 5/5: a line of found/fixed tallies.
    if len(TALLIED_PAIR.findall(text)) >= 2 and lexicon.classifier.words(text):
        return True
    # 更新一下：拉客的3个人当时就劝走了…: the rest of a report sent earlier, its outcomes.
    if _FOLLOW_UP.match(text) and lexicon.classifier.words(text) and read_status(text).state:
        return True
    # 问题：\n1、…\n2、… and 以上。处理：…: a report sent in parts, its problems or its outcomes.
    if _REPORT_PART.match(text) and lexicon.classifier.words(text):
        return True
    # 电动车乱停 8辆 摆好了: one problem, its count and its outcome, sent on its own in the duty
    # group by someone who posts the report piece by piece. Remarks, warnings and a week's
    # figures are chat.
    if len(text) > _PIECE_CHARS or _CHATTY.search(text):
        return False
    words = lexicon.classifier.words(text)
    if not words:
        return False
    quantity = first_amount(text)
    problem = PROBLEM_PREDICATE.search(text) or any(w not in OBJECT_WORDS for w in words)
    counted = quantity is not None and not quantity.vague
    # 人行道上摆起一排电驴 全部摆整齐了: a thing and that the team tidied it counts too.
    tidied = read_status(text).state == "fixed" and _ALL_DONE.search(text) is not None
    if not counted and (len(text) > _SHORT_PIECE_CHARS or not (problem or tidied)):
        return False  # without a count, only a short line that names a problem (井盖松动 已上报)
    if read_status(text).state == "fixed" or _HANDED_ON.search(text) is not None:
        return True
    # 鼓楼那边小广告12处: a problem and its count, and nothing else.
    return bool(
        counted and problem and len(text) <= _SHORT_PIECE_CHARS and not QUESTION.search(text)
    )


_ALL_DONE = re.compile(r"全部|都|已经?")
_FOLLOW_UP = re.compile(
    r"\s*+(?:更新一下|再?补充一下|再?补充|补一下|接上条|续上条|下午补充|下午说一下"
    # 补一条 刚才沈科长漏了…, 刚才漏了，…: one item left out of the report.
    r"|补一条|刚才漏了|刚才漏报"
    # 还有 巷口有个井盖…也报社区了, 对了 3号楼灭火器过期2具: one more item after the report.
    r"|还有|对了|另外)[:：，,]?"
)
_REPORT_PART = re.compile(
    r"\s*+(?:(?:发现的?|存在的?)?问题(?:如下)?[:：]\s*+(?:1|一|①)[、.．]"
    # 问题：臭豆腐摊出店经营两家…, 已处理：两家摊位都收进店里了…: a part without numbers.
    r"|(?:发现|问题|发现问题|已处理|处理情况|整改情况|处理结果)[:：]"
    r"|以上[。.，,\s]*+(?:处理|整改|处置)(?:情况|结果)?[:：])"
)
_PIECE_CHARS = 60
_SHORT_PIECE_CHARS = 30
_CHATTY = re.compile(
    r"啊|呀|吧|呢|嘛|真是|注意|大家|各位|统计|上周|本周|这周|本月|感谢|谢谢|辛苦|[?？!！]"
)
# Outcomes that only a report tells (申请, 请 and 需要 are chat too).
_HANDED_ON = re.compile(
    r"已[^，。；]{0,3}(?:报|交|通知|联系|反映)|报了|上报|移交|转交|❌|"
    r"(?:通知|联系|告知|告诉|反映给?|报给?|跟|给)(?:了)?(?:物业|社区|城管|环卫|住建|交警|市政)|"
    # 僵尸车，贴了告知单: the owner told to move it.
    r"贴了?(?:告知|通知|提示|警示)[单书]|"
    # 门口那堆建筑垃圾 附图2张: the problem shown, as reports show it.
    r"附图|附照片|见图|如图"
)


def _unknown_site_note(text: str) -> str:
    labelled = re.search(
        r"(?:值班地点|值班路段|值班网格|地点|路段|点位)\s*+[:：]\s*+([^\s，,。；;]{2,24})", text
    )
    if labelled:
        return f"没认出地点“{labelled.group(1)}”"
    named = re.search(
        r"([\u4e00-\u9fff\d]{2,12}?(?:路|街|大道|社区|网格|小区|广场))"
        r"(?:[东西南北]侧|路[东西南北]|两侧)?\s*+(?:今日|今天|今早)?(?:网格)?值班",
        text,
    )
    if named:
        place = re.sub(r"^(?:今日|今天|今早|昨天|昨日|在|到|赴)+", "", named.group(1))
        return f"没认出地点“{place}”"
    return "没找到值班地点"
