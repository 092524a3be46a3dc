"""Did you mean …": the site a mistyped word most likely meant.

difflib's ratio counts the characters two spellings share in order, which suits Chinese names:
仙营社 against 仙营社区 scores 0.86, 火星 against 玄帝庙街 nothing. The standard library is enough.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from .text import fold
from .unit import Site, Unit

# Below this a guess is more often wrong than helpful.
CUTOFF = 0.6


def closest_site(word: str, unit: Unit) -> Site | None:
    """The one site whose name or alias is closest to ``word``; None when none is close, or
    two different sites are equally close."""
    wanted = fold(word)
    if len(wanted) < 2:
        return None
    best: dict[Site, float] = {}
    for site in unit.sites:
        for spelling in site.spellings():
            score = SequenceMatcher(None, wanted, spelling, autojunk=False).ratio()
            best[site] = max(best.get(site, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < CUTOFF:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
