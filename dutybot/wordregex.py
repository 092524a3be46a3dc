"""One regular expression for a list of words, shaped as a trie.

``a|ab|abc|b…`` makes the engine try every word at every position; the trie shape
(``a(?:b(?:c)?)?|b…``) tries only the words that share the characters already seen, so a scan
costs about one step per character however long the list (the parser's lists run to hundreds of
words). At each position the longest word wins, as with an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_pattern(words: Iterable[str]) -> str:
    """The pattern (not compiled) that matches any of ``words``; empty words are ignored."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return _branch(trie)


def _branch(node: dict[str, dict]) -> str:
    ends_here = "" in node
    children = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    if ends_here:
        # Optional continuation: greedy, so the longer word is tried first.
        return "(?:" + body + ")?"
    return body


def word_regex(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(word_pattern(words), flags)
