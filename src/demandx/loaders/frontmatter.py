"""Jekyll/Hugo front matter (`---` ... `---` at the top) on HTML pages: metadata, not
the page's text, and often the only place its title is given."""

from __future__ import annotations

import re

import yaml

# bounded, so that a page starting with "---" and no end is not searched to its end
_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(.{0,20000}?)\r?\n"
                           rb"(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(data: bytes) -> tuple[str | None, bytes]:
    """The title the front matter gives (or None), and the bytes without it."""
    found = _FRONT_MATTER.match(data)
    if found is None:
        return None, data
    rest = data[found.end():]
    try:
        meta = yaml.safe_load(found.group(1).decode("utf-8", errors="replace"))
    except yaml.YAMLError:
        return None, rest
    title = meta.get("title") if isinstance(meta, dict) else None
    return (" ".join(title.split()) or None) if isinstance(title, str) else None, rest
