"""Items while a site's text is being read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Activity, Item, ReportedProblem

# 转了一圈没碰到, 去看了没发现: what was told was looked for and not there.
_NOT_MET = re.compile(
    r"(?:没|未)(?:碰到|碰见|遇到|遇见|看到|看见|发现|见到)"
    # (…路灯晚上不亮，我们白天看不出来，已记下待晚上核实; …，已做记录: noted, not seen.)
    r"|看不出来|看不到|看不着|待[^，。；]{0,6}核实|(?:已|先)?(?:做了?记录|记录一下|记下|记一下|登记)(?:了)?$"
)
# 上次报的莲花池桥头护栏, 上周反映的地砖松动问题, 上回那堆建筑垃圾: a problem told on an earlier
# duty (比上周少, 同上次还是有 compare with one and are today's).
EARLIER_TOLD = re.compile(
    r"(?<![比较同跟和像])(?:"
    r"(?:上次|上回|上一次|上周[一二三四五六日天]?|上个?礼拜[一二三四五六日天]?|上个?星期[一二三四五六日天]?"
    r"|上个?月|之前|前几天|前天|前些天|前期|前阵子|前段时间|前些日子)"
    # (前阵子居民反映的路灯: who told it may come between.)
    r"(?:居民|群众|住户|社区|网格员|督查组)?(?:所|已|就)?(?:报|上报|反映|说|讲|提|发现|指出)[过了给的那]"
    r"|(?:上次|上回|上周|上个?礼拜|前几天|前天)已报"
    r"|(?:上次|上回|上周)(?:那个|那堆|那处|那块|那只|那辆|那面|那几|的)"
    r")"
)
# 今天又来了, 又看到1处, 还是有: seen again today, and today's.
_SEEN_AGAIN = re.compile(r"又|再次|还是有|反弹|复发")
# 上次说的流浪狗今天没再见到: not there any more.
_GONE = re.compile(r"不在了|没再见到|没有再见到|没见到了|不见了|没有了")
# 上周反映的井盖松动今天去看还是老样子, 今天看还在: looked at today and still there, so counted
# (one the report marks 不计入 never reaches the items: reading.py leaves its sentence out).
STILL_THERE_TODAY = re.compile(
    r"今[天日][^，。；]{0,3}?(?:看|查|复查|巡查)[^，。；]{0,8}?(?:还|仍|依然|依旧|照样)"
)
# …今天我们和住户一起清掉了: put right by the team itself today.
# (督查组上周指出的牛皮癣5处，今日全部铲除; …啤酒箱子 一搭里码整齐了: the team's own work.)
# (上周群众反映的装修垃圾，今天值班时已清理干净: done on the duty.)
_TEAM_DID = re.compile(
    r"我们|咱|俺|大家|一起|一搭里|帮|配合|亲自|今[日天]全部|码整齐|摆整齐|推走|值班时|当场"
)


def _from_told(text: str) -> str:
    """``text`` from where it says the item was told before (all of it if it does not)."""
    told = EARLIER_TOLD.search(text)
    return text[told.start() :] if told else text


@dataclass(eq=False)
class Draft:
    """An item while its sentence is being read. Two items are the same only if they are one
    (two 小广告 of one each are still two), which also keeps looking one up cheap."""

    text: str
    category: str
    count: int
    explicit: bool
    list_no: int | None
    status: str | None = None  # "fixed" or "pending"
    fixed_count: int | None = None  # a partial fix stated with its own number
    fix_text: str = ""
    pending_text: str = ""  # what left it open (跟老板说了他说马上收)
    # The clause, if someone else told it (环卫的李师傅说这几天落叶多): a problem only once the
    # team did something about it.
    hearsay: str = ""
    # Told under 居民反映： and not seen by the team since: a problem only if they fixed it.
    told_by_residents: bool = False
    # The measure word of the count (家 for 7家店外摆餐桌, which a count of 张 may follow).
    measure: str = ""
    # The clause, if it names the problem as one told on an earlier duty (上次报的护栏).
    earlier: str = ""
    # …and its sentence says the team looked at it today and it is still there.
    still_there: bool = False

    @property
    def only_heard(self) -> bool:
        """Told by someone else, and neither fixed nor passed on since (the 说 of the telling
        is no hand-over)."""
        return bool(self.hearsay) and (
            self.status is None
            or (
                self.status == "pending"
                # (我们转了一圈没碰到: looked for it and did not find it.)
                and (self.pending_text == self.hearsay or _NOT_MET.search(self.pending_text))
            )
        )

    @property
    def told_unseen(self) -> bool:
        """Told under 居民反映：, and neither seen by the team since nor fixed."""
        return self.told_by_residents and self.status != "fixed"

    @property
    def not_today(self) -> bool:
        """Told on an earlier duty and put right since by others (上次报的护栏已经补上了), or gone
        (上次那只流浪狗已经不在了), or still open as it was (井盖上次报的 还没修): no problem of
        today's. One the team looked at today and found still there is counted (上周反映的井盖
        今天去看还是老样子)."""
        if not self.earlier:
            return False
        # (下午又去七网格看了一下上次报的路灯…: the 又 of going again is not the item's.)
        if any(_SEEN_AGAIN.search(_from_told(text)) for text in (self.earlier, self.fix_text)):
            return False
        if self.status == "fixed":
            return not _TEAM_DID.search(self.fix_text)
        if self.status is None and _GONE.search(self.earlier):
            return True
        return not self.still_there

    @property
    def resolved(self) -> int:
        if self.fixed_count is not None:
            return min(self.count, self.fixed_count)
        return self.count if self.status == "fixed" else 0


def fix_in_order(drafts: list[Draft], count: int) -> None:
    """A fix total that does not say which items: that many of ``drafts``, in the order they
    were told (the figures need only how many)."""
    left = count
    for draft in drafts:
        if left <= 0:
            break
        draft.status, draft.fix_text = "fixed", draft.fix_text or "已整改"
        if draft.count > left:
            draft.fixed_count = left
        left -= draft.count


def put_count_right(draft: Draft, count: int) -> None:
    """更正：是8辆: the item's number corrected; a fix of all of it stays a fix of all of it."""
    if draft.fixed_count == draft.count:
        draft.fixed_count = count
    draft.count, draft.explicit = count, True


@dataclass
class Reading:
    staff: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    repeated_sentences: int = 0
    clauses: int = 0  # read so far, against MAX_CLAUSES
    unlisted: list[str] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    problems: list[ReportedProblem] = field(default_factory=list)
    no_problem: bool = False
    activity_mentioned: bool = False
    strong: bool = False
    summary_found: int | None = None
    summary_text: str = ""  # the clause that gave the total (检查发现隐患6处)
    summary_fixed: int | None = None
    notes: list[str] = field(default_factory=list)
    found: list[Item] = field(default_factory=list)
    resolved: list[Item] = field(default_factory=list)
    # The items the sentence being read named, and those of the sentence before it (发现:…；
    # 处理:已清理: a fix line right after one problem is that problem's).
    sentence_items: list[Draft] = field(default_factory=list)
    previous_sentence_items: list[Draft] = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(
            self.found
            or self.activities
            or self.no_problem
            or len(self.staff) >= 2
            or (self.activity_mentioned and self.staff)
        )
