"""A word diff for people: the new text with what was removed in <del> and what was added in <ins>.

Shared by the comparison of motions (motions.alignment), the changes between two status reports
and between two published report versions. Both texts are escaped; the only markup is the diff's
own, and each change is also announced in words to screen readers, so colour is never the only
carrier of meaning.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def _hidden(label: str) -> str:
    return f'<span class="visually-hidden">{conditional_escape(label)} </span>'


def _chunks(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """Opcodes over word tokens, with one-word islands of equality folded into the change around them."""
    matcher = SequenceMatcher(None, [t.strip().lower() for t in a], [t.strip().lower() for t in b], autojunk=False)
    chunks = [(op, a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    merged: list[tuple[str, list[str], list[str]]] = []
    for index, (op, old, new) in enumerate(chunks):
        island = (
            op == "equal" and len(old) == 1 and 0 < index < len(chunks) - 1 and chunks[index - 1][0] != "equal"
            and chunks[index + 1][0] != "equal"
        )  # fmt: skip
        if island:
            op = "replace"
        if merged and op != "equal" and merged[-1][0] != "equal":
            _, prev_old, prev_new = merged[-1]
            merged[-1] = ("replace", prev_old + old, prev_new + new)
        else:
            merged.append((op, list(old), list(new)))
    return merged


def word_diff(old: str, new: str) -> SafeString:
    """The new text with insertions in <ins> and deletions in <del>, announced to screen readers.

    Both texts are escaped; only the markup added here is trusted.
    """
    a = re.findall(r"\S+\s*", old or "")
    b = re.findall(r"\S+\s*", new or "")
    deleted, inserted = _("borttaget:"), _("infogat:")
    parts = []
    for op, old_tokens, new_tokens in _chunks(a, b):
        if op == "equal":
            parts.append(conditional_escape("".join(new_tokens)))
            continue
        removed = "".join(old_tokens).strip()
        added = "".join(new_tokens)
        if removed:
            parts.append(f"<del>{_hidden(deleted)}{conditional_escape(removed)}</del>")
        if added.strip():
            trail = added[len(added.rstrip()) :]
            space = " " if removed else ""
            parts.append(f"{space}<ins>{_hidden(inserted)}{conditional_escape(added.strip())}</ins>{trail}")
        elif old_tokens and old_tokens[-1] != old_tokens[-1].rstrip():
            parts.append(" ")
    return mark_safe("".join(str(p) for p in parts).rstrip())  # noqa: S308 - every piece is escaped above
