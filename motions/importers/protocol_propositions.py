"""What Ja and Nej stand for in a protocol's vote when the minutes state it in sentences rather than
as "Godkänd voteringsproposition: ”Ja för … och Nej för …”": "Den som vill bifalla X röstar ja, den
som vill bifalla Y röstar nej", "Ja-röst för X, nej-röst för Y", "Ja innebär bifall till X",
"Ordföranden ställer proposition på ja för X och nej för Y". Each side is read on its own, so the
two may stand in two sentences, two paragraphs or on both sides of a page break. The proposition is
written back in the form the explicit one takes ("Ja för bifall till X och Nej för bifall till Y."),
so a vote reads the same whichever way its minutes put it. Pure: no database query."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Godkänd voteringsproposition: …", "Följande voteringsproposition godkänns: …", "Nämnden godkänner
# följande voteringsproposition: …": the proposition itself follows.
EXPLICIT_RE = re.compile(
    r"(?i)godkänd\s+voteringsproposition\s*:?\s*"
    r"|(?:följande\s+)?voteringsproposition(?:en)?\s+(?:godkänns|godkändes|fastställs|fastställdes)\s*:\s*"
    r"|godkänner\s+(?:följande\s+)?voteringsproposition(?:en)?\s*:\s*"
)
QUOTES = "”“\"'„»«"
# "Den som vill bifalla X röstar ja", "Den som bifaller X röstar ja": the wish is the side. Within
# one sentence ([^.;]), across lines.
WISH_RE = re.compile(
    r"(?i)\bden\s+som\s+(?:(?:vill|önskar)\s+|(?=(?:bifaller|avslår)\s))"
    rf"(?P<what>[^.;]+?)\s*,?\s+röstar\s+[{QUOTES}]?(?P<side>ja|nej)\b"
)
# "Ja-röst för X", "ja för X", "Ja innebär bifall till X", "nej-rösten betyder avslag": up to the
# other side ("…, nej för Y", "… och nej för Y") or the sentence's end.
SIDE_RE = re.compile(
    rf"(?i)(?<![\w-])[{QUOTES}]?(?P<side>ja|nej)(?:-?röst(?:en)?|\s+röst)?[{QUOTES}]?\s+(?:för|innebär|betyder)\s+"
    rf"(?P<what>[^.;]+?)\s*(?=[,;]?\s*(?:och\s+|medan\s+|samt\s+)?[{QUOTES}]?(?:ja|nej)(?:-?röst(?:en)?)?"
    rf"[{QUOTES}]?\s+(?:för|innebär|betyder)\b|[.;]|$)"
)


@dataclass
class Proposition:
    """What Ja and Nej stand for, as read; a side not stated is ""."""

    ja: str = ""
    nej: str = ""
    conflict: str = ""  # a side stated twice, differently: the second reading

    def text(self) -> str:
        parts = [f"Ja för {self.ja}" if self.ja else "", f"Nej för {self.nej}" if self.nej else ""]
        return " och ".join(p for p in parts if p) + "."


def explicit(text: str) -> tuple[re.Match | None, str]:
    """The "Godkänd voteringsproposition: …" phrase of a paragraph and the proposition after it."""
    found = EXPLICIT_RE.search(text)
    if not found:
        return None, ""
    return found, text[found.end() :].strip().strip(QUOTES).strip()


def _wish(what: str) -> str:
    """ "bifalla yrkandet från M" → "bifall till yrkandet från M"; "avslå förslaget" → "avslag på
    förslaget"; another wish is kept as "att …"."""
    what = " ".join(what.split()).strip(QUOTES + " ,")
    verb, _space, rest = what.partition(" ")
    lowered = verb.lower()
    if lowered in ("bifalla", "bifaller"):
        return f"bifall till {rest.removeprefix('till ')}" if rest else "bifall"
    if lowered in ("avslå", "avslår"):
        return f"avslag på {rest}" if rest else "avslag"
    return what if lowered == "att" else f"att {what}"


def sides(text: str) -> list[tuple[str, str, int]]:
    """Every side a text states, in order: (ja or nej, what it stands for, where it stands)."""
    found = [(m["side"].lower(), _wish(m["what"]), m.start()) for m in WISH_RE.finditer(text)]
    taken = [(m.start(), m.end()) for m in WISH_RE.finditer(text)]
    for m in SIDE_RE.finditer(text):
        if any(start <= m.start() < end for start, end in taken):
            continue
        what = " ".join(m["what"].split()).strip(QUOTES + " ,")
        if what:
            found.append((m["side"].lower(), what, m.start()))
    return sorted(found, key=lambda side: side[2])


def propositions(text: str) -> list[Proposition]:
    """The propositions a text states, in order: a side stated again begins the next one, unless it
    comes before the other side is stated (then it contradicts the first)."""
    out: list[Proposition] = []
    for side, what, _at in sides(text):
        current = out[-1] if out else None
        if current is None or (getattr(current, side) and current.ja and current.nej):
            out.append(Proposition(**{side: what}))
        elif getattr(current, side) and getattr(current, side).lower() != what.lower():
            current.conflict = f"{side} för {what}"
        elif not getattr(current, side):
            setattr(current, side, what)
    for proposition in out:
        if proposition.ja and proposition.ja.lower() == proposition.nej.lower():
            proposition.conflict = f"nej för {proposition.nej}"
    return out
