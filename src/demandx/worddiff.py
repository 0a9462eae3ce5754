"""What changed inside a changed demand, word by word, in the markers of
`git diff --word-diff=plain`: "[-removed-]" and "{+added+}".

Two versions of a long demand that differ in one word look identical in a table cut to
its first 200 characters; the changed words, with a few words of context, do not.
"""

from __future__ import annotations

from difflib import SequenceMatcher

# words kept on each side of a change; longer unchanged runs become "…"
CONTEXT = 5


def word_ops(old: str, new: str) -> list[tuple[str, str]]:
    """The two texts as runs of ("=", words), ("-", words) and ("+", words), compared
    word by word (line breaks and spacing do not count)."""
    before, after = old.split(), new.split()
    ops: list[tuple[str, str]] = []
    # autojunk off: in a long demand, frequent words ("die", "de") must still anchor
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(before[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(after[j1:j2])))
    return ops


def shorten(ops: list[tuple[str, str]], context: int = CONTEXT) -> list[tuple[str, str]]:
    """The runs with unchanged words cut to `context` words beside each change."""
    out = []
    for index, (op, words) in enumerate(ops):
        if op != "=":
            out.append((op, words))
            continue
        parts = words.split()
        first, last = index == 0, index == len(ops) - 1
        if len(parts) <= 2 * context + 1 - (context if first or last else 0):
            out.append((op, words))
        elif first:
            out.append((op, "… " + " ".join(parts[-context:])))
        elif last:
            out.append((op, " ".join(parts[:context]) + " …"))
        else:
            out.append((op, " ".join(parts[:context]) + " … " + " ".join(parts[-context:])))
    return out


def marked(old: str, new: str, context: int = CONTEXT) -> str:
    """The change from `old` to `new` as one line with [-…-] and {+…+} markers."""
    pieces = []
    for op, words in shorten(word_ops(old, new), context):
        pieces.append(words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}")
    return " ".join(pieces)
