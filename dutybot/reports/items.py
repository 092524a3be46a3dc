"""Items while a site's text is being read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Activity, Item, ReportedProblem

# 转了一圈没碰到, 去看了没发现: what was told was looked for and not there.
_NOT_MET = re.compile(
    r"(?:没|未)(?:碰到|碰见|遇到|遇见|看到|看见|发现|见到)"
    # (…路灯晚上不亮，我们白天看不出来，已记下待晚上核实; …，已做记录: noted, not seen.)
    r"|看不出来|待[^，。；]{0,6}核实|(?:已|先)?(?:做了?记录|记录一下|记下|记一下|登记)(?:了)?$"
)


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
