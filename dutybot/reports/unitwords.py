"""Per-unit lookup tables (sites and their spellings, staff names, the category classifier),
built once per unit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..classify import Classifier, classifier_for
from ..text import fold, without_brackets
from ..unit import Category, Site, StaffMember, Unit
from .homophones import alike, sounds_alike

# ---------------------------------------------------------------------------------------------
# Per-unit lookup tables, built once per unit


@dataclass(frozen=True)
class UnitWords:
    site_pattern: re.Pattern[str] | None
    site_by_spelling: dict[str, Site]
    staff_pattern: re.Pattern[str] | None
    staff_by_name: dict[str, str]
    departments: tuple[str, ...]
    categories: tuple[Category, ...]
    classifier: Classifier
    # Site names as they sound (古怀路 for 古槐路): a pattern of classes of like-sounding
    # characters, and the spellings it stands for.
    site_sound_pattern: re.Pattern[str] | None = None
    site_sound_forms: tuple[tuple[str, Site], ...] = ()
    # 环境卫生类3处, 二、市容秩序方面: a heading or a tally by category, no problem of its own.
    category_tally: re.Pattern[str] | None = None
    # 路段：…／网格：…: a kind of site named alone stands for the unit's only site of that kind.
    only_site_of_kind: dict[str, Site] = field(default_factory=dict)

    def site_at(self, spelling: str) -> Site | None:
        return self.site_by_spelling.get(_site_key(spelling))

    def site_by_sound(self, written: str) -> Site | None:
        """The site whose name ``written`` sounds like, with few characters changed."""
        best: tuple[int, Site] | None = None
        for form, site in self.site_sound_forms:
            if len(form) != len(written):
                continue
            if not all(alike(a, b) for a, b in zip(form, written, strict=True)):
                continue
            same = sum(a == b for a, b in zip(form, written, strict=True))
            if len(form) - same > max(1, len(form) // 3) or same < 2:
                continue
            if best is None or same > best[0]:
                best = (same, site)
        return best[1] if best else None

    def staff_at(self, written: str) -> str:
        return self.staff_by_name.get(re.sub(r"\s+", "", written), written)


def _site_key(text: str) -> str:
    return fold(text).replace("(", "").replace(")", "")


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]{3,12}+")
_GENERIC_END = ("社区", "小区")


def _site_variants(site: Site) -> set[str]:
    """Spellings beyond the site's own: without the side of the road, the grid's community,
    the community without 社区 (仙营), and long names with one character left out (玄帝庙路西)."""
    forms = set(site.spellings())
    for form in list(forms):
        if form.endswith(_GENERIC_END) and _CJK_ONLY.fullmatch(form) and len(form) >= 4:
            forms.add(form[:-2])
    for form in list(forms):
        if _CJK_ONLY.fullmatch(form) and len(form) >= 5:
            forms.update(form[:i] + form[i + 1 :] for i in range(1, len(form)))
    bare = without_brackets(site.name)
    side = re.search(r"(?:路|)([东西南北])侧$|路([东西南北])$|两侧$", bare)
    if side:
        base = bare[: side.start()]
        if side.group(2) and not base.endswith(("路", "街", "道", "巷", "线")):
            base = bare[:-1]  # 建设路西 → 建设路
        if len(base) >= 3:
            forms.add(fold(base))
    for inside in re.findall(r"[（(]([^（）()]*)[）)]", site.name):
        if inside.endswith(("社区", "小区", "网格", "村")):
            forms.add(fold(inside))
            community = re.sub(r"^.*?(?:街道|镇|乡)", "", inside)
            if len(community) >= 3:
                forms.add(fold(community))
    return forms


@lru_cache(maxsize=16)
def unit_words_for(
    sites: tuple[Site, ...], staff: tuple[StaffMember, ...], categories: tuple[Category, ...]
) -> UnitWords:
    owners: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for site in sites:
        for form in _site_variants(site):
            key = _site_key(form)
            owners.setdefault(key, set()).add(site.name)
            written.setdefault(key, form)
    by_name = {site.name: site for site in sites}
    # A loose spelling two sites share (建设路 for both sides) names neither.
    site_by_spelling = {
        key: by_name[next(iter(names))]
        for key, names in owners.items()
        if len(names) == 1 and len(key) >= 2
    }
    site_pattern = None
    if site_by_spelling:
        site_pattern = re.compile(
            "|".join(
                _site_regex(written[key]) for key in sorted(site_by_spelling, key=len, reverse=True)
            ),
            re.IGNORECASE,
        )

    staff_by_name: dict[str, str] = {}
    for member in staff:
        staff_by_name[re.sub(r"\s+", "", member.name)] = member.name
    staff_pattern = None
    if staff_by_name:
        staff_pattern = re.compile(
            "|".join(
                r"\s{0,2}".join(map(re.escape, name))
                for name in sorted(staff_by_name, key=len, reverse=True)
            )
        )
    departments = tuple(
        sorted({m.department for m in staff if m.department}, key=len, reverse=True)
    )
    sound_forms = tuple(
        sorted(
            (
                (written[key], site)
                for key, site in site_by_spelling.items()
                if _CJK_ONLY.fullmatch(written[key])
            ),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
    )
    sound_pattern = None
    if sound_forms:
        sound_pattern = re.compile(
            "|".join("".join(f"[{sounds_alike(ch)}]" for ch in form) for form, _site in sound_forms)
        )
    category_tally = None
    if categories:
        names = "|".join(re.escape(c.name) for c in sorted(categories, key=lambda c: -len(c.name)))
        one = (
            rf"(?:{names})(?:类|方面)?(?:问题)?"
            r"\s*+(?:\d{1,4}|[一二两三四五六七八九十]{1,4})?\s*+(?:处|个|项|起|件)?"
        )
        category_tally = re.compile(
            rf"[\W_]*+(?:其中\s*+[:：]?\s*+)?(?:[一二三四五六七八九十]{{1,3}}[、.．]\s*+)?"
            rf"{one}(?:\s*+[、，,和及]\s*+{one})*+[\W_]*+"
        )
    return UnitWords(
        site_pattern,
        site_by_spelling,
        staff_pattern,
        staff_by_name,
        departments,
        categories,
        classifier_for(categories),
        sound_pattern,
        sound_forms,
        category_tally,
        {
            kind: next(site for site in sites if site.kind == kind)
            for kind in {site.kind for site in sites}
            if sum(site.kind == kind for site in sites) == 1
        },
    )


def _site_regex(form: str) -> str:
    # Spellings are folded (half-width brackets); the text may use either width.
    return "".join("[(（]" if ch == "(" else "[)）]" if ch == ")" else re.escape(ch) for ch in form)


def unit_words(unit: Unit) -> UnitWords:
    return unit_words_for(unit.sites, unit.staff, unit.categories)
