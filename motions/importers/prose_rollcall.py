"""The KS prose roll call, as its minutes print it:

    Daniel Bernmar (V), Viktoria Tryggvadottir Rolka (S), Marina Johansson (S), Karin
    Pleijel (MP), tjänstgörande ersättarna Johannes Hulter (S) och Marie Brynolfsson (V)
    samt ordföranden Jonas Attenius (S) röstar Ja (7).

Names and parentheses wrap over lines; a role prefix ("ordföranden", "tjänstgörande ersättaren")
stands before the names it covers; the count in parentheses must equal the names listed. Without a
count ("… röstar Ja.") the names are taken as listed; the protocol checks them against the counts
its "Omröstningen utfaller med …" sentence states.
"""

import re

from django.utils.translation import gettext as _

from ..models import VoteRecord
from .rollcall import MAX_NAME, ParsedRollCall, RollCallRow
from .text import ImportError_, check_text, is_furniture, line_error

VERDICT_RE = re.compile(
    r"röstar\s+(?P<result>ja|nej)\s*\((?P<count>\d{1,3})\)"
    r"|avstår(?:\s+från\s+att\s+rösta)?\s*\((?P<abstain>\d{1,3})\)"
    r"|(?:är\s+)?frånvarande\s*\((?P<absent>\d{1,3})\)"
    # Committees often print no count after the verdict ("… Gunnar Holm (M) röstar Ja.") and
    # state the counts once ("Omröstningen utfaller med 6 Ja mot 5 Nej"). Without a count the
    # verdict must follow a party's parenthesis, so "19 ledamöter avstår från att rösta" is none.
    r"|(?<=\))\s+(?:röstar\s+(?P<bare>ja|nej)|(?P<bare_abstain>avstår)\s+från\s+att\s+rösta"
    r"|är\s+(?P<bare_absent>frånvarande))\b(?!\s*\()",
    re.IGNORECASE,
)
# A word the line end broke: the typesetter's own hyphen (U+2010, soft hyphen) or "-" before a
# lower-case continuation is dropped ("Tryggva-⏎dottir"); before a capital it stays ("Höij-⏎Risberg").
LINE_END_HYPHENS = "-\u2010\u00ad"
ROLE_RE = re.compile(
    r"^(?P<role>(?:tjänstgörande\s+)?(?:ersättar(?:en|na)|ordförande(?:n)?|(?:förste|andre|1:e|2:e)\s+vice\s+"
    r"ordförande(?:n)?|vice\s+ordförande(?:n)?|ledamot(?:en|erna)?|ledamöterna))\s+(?P<rest>.*)$",
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
    return bool(VERDICT_RE.search(" ".join(text.split())))


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
        if is_furniture(raw):
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
    previous_end = 0
    found = list(VERDICT_RE.finditer(stream))
    if not found:
        raise ImportError_(_("Ingen mening ”… röstar Ja (7).” eller ”… röstar Nej (6).” hittades."))
    for match in found:
        segment = stream[previous_end : match.start()]
        # The names run back to where the sentence before them ended ("… avgörande idag." / "(7).").
        # A sentence may open with an ordinal role ("1:e vice ordföranden Stefan Hult (M) …").
        names_text = re.split(r"[.:!?\"”]\s+(?=[A-ZÅÄÖÉ]|\d:[ea]\s)", " " + segment)[-1].strip()
        sentence_start = match.start() - len(names_text)
        result_word = (
            match["result"]
            or match["bare"]
            or ("avstår" if match["abstain"] or match["bare_abstain"] else "frånvarande")
        ).lower()
        printed = match["count"] or match["abstain"] or match["absent"]
        count = int(printed) if printed else None
        key = {"ja": "ja", "nej": "nej", "avstår": "avstar", "frånvarande": "franvarande"}[result_word]
        if count is not None:
            declared[key] = declared.get(key, 0) + count
        members = _members(names_text, line_at(sentence_start))
        if count is not None and len(members) != count:
            raise line_error(
                line_at(match.start()),
                _("Meningen säger %(what)s (%(count)d) men räknar upp %(listed)d namn.")
                % {"what": match.group(0).split("(")[0].strip(), "count": count, "listed": len(members)},
            )
        for name, party, role in members:
            rows.append(
                RollCallRow(
                    name=name,
                    party=party,
                    seat=None,
                    role=role,
                    result=RESULTS[result_word],
                    line=line_at(match.start()),
                )
            )
        previous_end = match.end()
    seen: dict[str, int] = {}
    for row in rows:
        if row.name.lower() in seen:
            raise line_error(row.line, _("%(name)s röstar två gånger.") % {"name": row.name})
        seen[row.name.lower()] = row.line
    totals = {key: sum(1 for r in rows if r.result == key) for key in ("ja", "nej", "avstar", "franvarande")}
    return ParsedRollCall(rows=rows, totals=totals, declared_totals=declared)


def _members(names_text: str, line: int) -> list[tuple[str, str, str]]:
    """(name, party, role) of "A (S), B (V), ersättarna C (S) och D (V) samt ordföranden E (S)"."""
    # "ersättarna A (S) och B (V) samt C (M)": a plural role covers the names up to the one after
    # "och"; "samt" ends it too, so C is a member again.
    pieces = re.split(r"(,\s*|\s+och\s+|\s+samt\s+)", names_text)
    parts = [(p.strip(), pieces[k - 1].strip() if k else "") for k, p in enumerate(pieces) if k % 2 == 0 and p.strip()]
    members = []
    role, sticky = "Ledamot", False
    for part, before in parts:
        if sticky and before == "samt":
            role, sticky = "Ledamot", False
        role_match = ROLE_RE.match(part)
        if role_match:
            role = _role_label(role_match["role"])
            # "ersättarna A och B" covers the names after it; "ordföranden A" the one name.
            sticky = role_match["role"].lower().endswith("na")
            part = role_match["rest"]
        member = MEMBER_RE.match(part)
        if not member:
            raise line_error(
                line, _("”%(text)s” är inte ett namn med parti, t.ex. ”Anna Andersson (S)”.") % {"text": part[:80]}
            )
        name = " ".join(member["name"].split())
        if len(name) > MAX_NAME:
            raise line_error(line, _("Namnet är för långt: ”%(text)s”") % {"text": name[:80]})
        members.append((name, member["party"], role))
        if not sticky or (before == "och" and not role_match):
            role, sticky = "Ledamot", False
    return members
