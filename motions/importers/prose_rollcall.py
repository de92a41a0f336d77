"""The prose roll call, as the KS minutes print it:

    Daniel Bernmar (V), Viktoria Tryggvadottir Rolka (S), Marina Johansson (S), Karin
    Pleijel (MP), tjänstgörande ersättarna Johannes Hulter (S) och Marie Brynolfsson (V)
    samt ordföranden Jonas Attenius (S) röstar Ja (7).

Names and parentheses wrap over lines; a role prefix ("ordföranden", "tjänstgörande ersättaren")
stands before the names it covers; the count in parentheses must equal the names listed. Without a
count ("… röstar Ja.") the names are taken as listed; the protocol checks them against the counts
its "Omröstningen utfaller med …" sentence states.

Committees also put the verdict first and the names after it, in either tense: "Ja röstar
ordföranden A (S), ledamöterna B (V) och C (S).", "Nej röstade …", "Följande röstar Ja: A (S),
ordföranden; B (V); …", "Avstår gör D (C).", "Avstod från att rösta gjorde ledamoten E (L)." A role
may then stand after the name it belongs to ("A (S), ordföranden;").
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .rollcall import MAX_NAME, ParsedRollCall, RollCallRow
from .text import ImportError_, check_text, line_error
from .vote_words import is_break_furniture

VERDICT_RE = re.compile(
    r"röst(?:ar|ade)\s+(?P<result>ja|nej)\s*\((?P<count>\d{1,3})\)"
    r"|(?:avstår|avstod)(?:\s+från\s+att\s+rösta)?\s*\((?P<abstain>\d{1,3})\)"
    r"|(?:(?:är|var)\s+)?frånvarande\s*\((?P<absent>\d{1,3})\)"
    # Committees often print no count after the verdict ("… Gunnar Holm (M) röstar Ja.") and
    # state the counts once ("Omröstningen utfaller med 6 Ja mot 5 Nej"). Without a count the
    # verdict must follow a party's parenthesis, so "19 ledamöter avstår från att rösta" is none;
    # a bare "avstår" then ends the sentence ("… (C) avstår."), so "avstår från att yrka" is none.
    r"|(?<=\))\s+(?:röst(?:ar|ade)\s+(?P<bare>ja|nej)"
    r"|(?P<bare_abstain>avstår|avstod)(?:\s+från\s+att\s+rösta|(?=[.;]))"
    r"|(?:är|var)\s+(?P<bare_absent>frånvarande))\b(?!\s*\()",
    re.IGNORECASE,
)
# The verdict first, at a sentence's start, the names after it: "Ja röstar …", "Nej röstade …",
# "Följande (ledamöter) röstar Ja: …", "Avstår gör …", "Avstod från att rösta gjorde …",
# "Frånvarande var …". The names must follow (a name's capital or a role), so the proposition "Ja
# röstar den som vill bifalla …" is none, and so are parties ("Ja röstar S, V och MP").
LEAD_RE = re.compile(
    r"(?:^|(?<=[.!?:;”\"] ))(?:"
    r"(?P<lead>ja|nej)\s+röst(?:ar|ade)"
    r"|följande\s+(?:[a-zåäö]+\s+){0,4}?röst(?:ar|ade)\s+(?P<listed>ja|nej)"
    r"|(?P<lead_abstain>följande\s+(?:[a-zåäö]+\s+){0,4}?(?:avstår|avstod)(?:\s+från\s+att\s+rösta)?"
    r"|(?:avstår|avstod)(?:\s+från\s+att\s+rösta)?\s+(?:gör|gjorde)"
    # "Avstår: A (S)." after "Ja röstar: …": the colon makes the bare verdict a heading of names.
    r"|(?:avstår|avstod)(?:\s+från\s+att\s+rösta)?(?=\s*(?:\(\d{1,3}\))?\s*:))"
    r"|(?P<lead_absent>följande\s+(?:[a-zåäö]+\s+){0,4}?(?:är|var)\s+frånvarande|frånvarande\s+(?:är|var)"
    r"|frånvarande(?=\s*(?:\(\d{1,3}\))?\s*:))"
    r")(?:\s*\((?P<lead_count>\d{1,3})\))?\s*:?\s+"
    r"(?=(?-i:[A-ZÅÄÖÉ][a-zåäöé])|tjänstgörande\s|ordförande|ledam|ersättar|förste\s|andre\s|vice\s|[12]:[ea]\s)",
    re.IGNORECASE,
)
# A count printed after a verdict-first list's last party: "… och C (S) (7)".
TRAILING_COUNT_RE = re.compile(r"(?<=\))\s*\((?P<count>\d{1,3})\)$")
# Where a verdict-first list ends: the first full stop that closes no initial ("Per O. Ek (S)").
LIST_END_RE = re.compile(r"(?<![\s.][A-ZÅÄÖ])\.(?=\s|$)")
# A word the line end broke: the typesetter's own hyphen (U+2010, soft hyphen) or "-" before a
# lower-case continuation is dropped ("Tryggva-⏎dottir"); before a capital it stays ("Höij-⏎Risberg").
LINE_END_HYPHENS = "-\u2010\u00ad"
# "den tjänstgörande ersättaren A (S)", "de tjänstgörande ersättarna …": the article is no part of the role.
ROLE_RE = re.compile(
    r"^(?:(?:den|de)\s+)?(?P<role>(?:tjänstgörande\s+)?(?:ersättar(?:en|na)|ordförande(?:n)?|(?:förste|andre|1:e|2:e)\s+vice\s+"
    r"ordförande(?:n)?|vice\s+ordförande(?:n)?|ledamot(?:en|erna)?|ledamöterna))\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
# A role standing alone after the name it belongs to: "Erik Sandahl (S), ordföranden; …".
ROLE_AFTER_RE = re.compile(
    r"^(?:tjänstgörande\s+)?(?:ersättaren|ersättare|ordförande(?:n)?|(?:förste|andre|1:e|2:e)\s+vice\s+"
    r"ordförande(?:n)?|vice\s+ordförande(?:n)?|ledamot(?:en)?)$",
    re.IGNORECASE,
)
# "ersättaren A (S), som tjänstgjorde i stället för B (S)": the member A served for, who gives no row.
SERVED_FOR_RE = re.compile(
    r"^som\s+(?:tjänstgjorde|tjänstgör|tjänstgjort)\s+(?:i\s+stället\s+för|istället\s+för|för)\s+"
    r"(?P<member>[A-ZÅÄÖÉ][\w'’.-]*(?:\s+[\w'’.-]+){0,5}\s*\([A-ZÅÄÖ]{1,4}\))$",
    re.IGNORECASE,
)
FOR_MEMBER_RE = re.compile(
    r"^(?P<member>[A-ZÅÄÖÉ][^()]*\([A-ZÅÄÖ]{1,4}\))\s+(?:som\s+(?:tjänstgjorde|tjänstgör|tjänstgjort)\s+)?"
    r"(?:i\s+stället\s+|istället\s+)?för\s+(?P<absent>[A-ZÅÄÖÉ][^()]*\([A-ZÅÄÖ]{1,4}\))$",
    re.IGNORECASE,
)
MEMBER_RE = re.compile(r"^(?P<name>[A-ZÅÄÖÉ][\w'’.-]*(?:\s+[\w'’.-]+){0,5})\s*\((?P<party>[A-ZÅÄÖ]{1,4})\)$")
RESULTS = {
    "ja": VoteRecord.Result.YES,
    "nej": VoteRecord.Result.NO,
    "avstår": VoteRecord.Result.ABSTAIN,
    "frånvarande": VoteRecord.Result.ABSENT,
}


def looks_like_prose_rollcall(text: str) -> bool:
    joined = " ".join(text.split())
    return bool(VERDICT_RE.search(joined) or LEAD_RE.search(joined))


def _role_label(role: str) -> str:
    role = " ".join(role.lower().split())
    if "ordförande" in role:
        return role.replace("ordföranden", "ordförande").capitalize()
    if "ersättar" in role:
        return "Tjänstgörande ersättare" if "tjänstgörande" in role else "Ersättare"
    return "Ledamot"


def parse_prose_rollcall(text: str) -> ParsedRollCall:
    """Every "… röstar Ja (7)." sentence of the text as roll-call rows (no seats: the prose has none)."""
    lines = check_text(text).split("\n")
    # One stream of words, each remembering its line, so a name wrapped over a line end reads whole.
    words: list[tuple[str, int]] = []
    for number, raw in enumerate(lines, start=1):
        if is_break_furniture(lines, number - 1):  # a page break inside a list of names
            continue
        for word in raw.replace("\u2011", "-").split():
            previous = words[-1][0] if words else ""
            if previous[-1:] in LINE_END_HYPHENS and len(previous) > 2 and words[-1][1] != number:
                keep = previous[-1] == "-" and word[:1].isupper()
                words[-1] = ((previous if keep else previous[:-1]) + word, words[-1][1])
            else:
                words.append((word, number))
    # "( MP)" or "(MP )" where the parenthesis wrapped: closed up, as a reader sees it. Closing up
    # shifts the offsets below by a character or two, so a line named in an error may be the one before.
    stream = re.sub(r"\(\s+", "(", " ".join(word for word, _n in words))
    stream = re.sub(r"\s+\)", ")", stream)
    starts, position = [], 0
    for word, number in words:
        starts.append((position, number))
        position += len(word) + 1

    def line_at(offset: int) -> int:
        line = 1
        for start, number in starts:
            if start > offset:
                break
            line = number
        return line

    rows: list[RollCallRow] = []
    declared: dict[str, int] = {}
    found = _verdicts(stream)
    if not found:
        raise ImportError_(_("Ingen mening ”… röstar Ja (7).” eller ”… röstar Nej (6).” hittades."))
    for verdict in found:
        result_word, count = verdict.result, verdict.count
        key = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånvarande": "franvarande"}[result_word]
        if count is not None:
            declared[key] = declared.get(key, 0) + count
        members = _members(verdict.names, line_at(verdict.names_at))
        if count is not None and len(members) != count:
            raise line_error(
                line_at(verdict.at),
                _("Meningen säger %(what)s (%(count)d) men räknar upp %(listed)d namn.")
                % {"what": verdict.what, "count": count, "listed": len(members)},
            )
        for name, party, role, served_for in members:
            rows.append(
                RollCallRow(
                    name=name,
                    party=party,
                    seat=None,
                    role=role,
                    result=RESULTS[result_word],
                    line=line_at(verdict.at),
                    serves_for=served_for,
                )
            )
    seen: dict[str, int] = {}
    for row in rows:
        if row.name.lower() in seen:
            raise line_error(row.line, _("%(name)s röstar två gånger.") % {"name": row.name})
        seen[row.name.lower()] = row.line
    totals = {key: sum(1 for r in rows if r.result == key) for key in ("ja", "nej", "avstar", "franvarande")}
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=declared)


@dataclass
class _Verdict:
    """One verdict sentence: its result, the count it prints, its names and where they stand."""

    result: str  # ja, nej, avstår, frånvarande
    count: int | None
    what: str  # the verdict as printed, for an error
    names: str
    names_at: int  # offsets into the stream
    at: int


def _verdicts(stream: str) -> list[_Verdict]:
    """The verdicts in the order printed: "A (S) och B (V) röstar Ja (2)." names what stands before
    it; "Ja röstar A (S) och B (V)." what follows it, up to the sentence's end."""
    leading = []
    for match in LEAD_RE.finditer(stream):
        if leading and match.start() < leading[-1][1]:
            continue
        stop = LIST_END_RE.search(stream, match.end())
        end = stop.start() if stop else len(stream)
        following = LEAD_RE.search(stream, match.end())
        end = min(end, following.start()) if following else end
        leading.append((match, end))
    spans = [(m.start(), m.end(), "lead", m, end) for m, end in leading]
    spans += [(m.start(), m.end(), "trail", m, m.end()) for m in VERDICT_RE.finditer(stream)]
    out, previous_end = [], 0
    for start, verdict_end, kind, match, end in sorted(spans, key=lambda span: span[0]):
        if start < previous_end:
            continue  # a trailing verdict inside a leading one's names
        if kind == "lead":
            result = (match["lead"] or match["listed"] or "").lower() or (
                "avstår" if match["lead_abstain"] else "frånvarande"
            )
            names = stream[verdict_end:end].strip(" ;,")
            printed = match["lead_count"]
            # "Ja röstar A (S) och B (V) (2).": the count after the last party closes the list.
            closing = TRAILING_COUNT_RE.search(names)
            if closing and printed is None:
                printed, names = closing["count"], names[: closing.start()]
            out.append(_Verdict(result, _count(printed), match.group(0).split("(")[0].strip(" :"),
                                names, verdict_end, start))  # fmt: skip
            previous_end = end + 1
            continue
        segment = stream[previous_end:start]
        # The names run back to where the sentence before them ended ("… avgörande idag." / "(7).").
        # A sentence may open with an ordinal role ("1:e vice ordföranden Stefan Hult (M) …").
        names = re.split(r"[.:!?\"”]\s+(?=[A-ZÅÄÖÉ]|\d:[ea]\s)", " " + segment)[-1].strip()
        result = (
            match["result"]
            or match["bare"]
            or ("avstår" if match["abstain"] or match["bare_abstain"] else "frånvarande")
        ).lower()
        printed = match["count"] or match["abstain"] or match["absent"]
        what = match.group(0).split("(")[0].strip()
        out.append(_Verdict(result, _count(printed), what, names, start - len(names), start))
        previous_end = end
    return out


def _count(printed: str | None) -> int | None:
    return int(printed) if printed else None


def _members(names_text: str, line: int) -> list[tuple[str, str, str, str]]:
    """(name, party, role, the member served for) of "A (S), B (V), ersättarna C (S) och D (V) samt
    ordföranden E (S)"; "ersättaren F (S), som tjänstgjorde i stället för G (S)" gives F's row only."""
    # "ersättarna A (S) och B (V) samt C (M)": a plural role covers the names up to the one after
    # "och"; "samt" ends it too, so C is a member again.
    # A list may also run "A (S), ordföranden; B (V); …": semicolons between the members, a role
    # after the name it belongs to.
    pieces = re.split(r"([,;]\s*|\s+och\s+|\s+samt\s+)", names_text)
    parts = [(p.strip(), pieces[k - 1].strip() if k else "") for k, p in enumerate(pieces) if k % 2 == 0 and p.strip()]
    members = []
    role, sticky = "Ledamot", False
    prefixed = False  # whether the last member's role was printed before the name
    for part, before in parts:
        if sticky and before == "samt":
            role, sticky = "Ledamot", False
        if ROLE_AFTER_RE.match(part) and members and not prefixed and before == ",":
            name, party, _role, served = members[-1]
            members[-1] = (name, party, _role_label(part), served)
            prefixed = True
            continue
        served_for = SERVED_FOR_RE.match(" ".join(part.split()))
        if served_for and members and before == ",":
            name, party, role_before, _served = members[-1]
            members[-1] = (name, party, role_before, " ".join(served_for["member"].split()))
            continue
        role_match = ROLE_RE.match(part)
        if role_match:
            role = _role_label(role_match["role"])
            # "ersättarna A och B" covers the names after it; "ordföranden A" the one name.
            sticky = role_match["role"].lower().endswith("na")
            part = role_match["rest"]
        # "ersättaren A (S) som tjänstgjorde för B (M)", "… A (S) för B (M)": A's row, B served for.
        stood_in = FOR_MEMBER_RE.match(" ".join(part.split()))
        absent = ""
        if stood_in:
            part, absent = stood_in["member"], " ".join(stood_in["absent"].split())
        member = MEMBER_RE.match(part)
        if not member:
            raise line_error(
                line, _("”%(text)s” är inte ett namn med parti, t.ex. ”Anna Andersson (S)”.") % {"text": part[:80]}
            )
        name = " ".join(member["name"].split())
        if len(name) > MAX_NAME:
            raise line_error(line, _("Namnet är för långt: ”%(text)s”") % {"text": name[:80]})
        members.append((name, member["party"], role, absent))
        prefixed = bool(role_match) or sticky
        if not sticky or (before == "och" and not role_match):
            role, sticky = "Ledamot", False
    return members
