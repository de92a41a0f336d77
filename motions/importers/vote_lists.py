"""Roll calls printed as LISTS under a result: a heading "Röstar Ja (7):", "Ja-röster:", "Ja röstar:",
"Ledamöter som röstar ja:", "Ja (7):" ("Avstår (0)." heads no list),
"Följande röstade nej:", "Avstår:" followed by one member a line (with or without a dash) or by a
comma/semicolon list running over lines and page breaks; and the numbered röstlista
"3. Anna Berg, S, ledamot: Ja" (a member "ersättare för Bo Ek (KD)" is an ersättare; the member
stood in for is no row). A role may stand before a name ("ordföranden A (S)", "ledamöterna A (S),
B (V)") or after the party ("A (MP), ordförande"); the party may follow the name after a comma
("Anna Berg, S") when it is a known abbreviation; the names may be numbered one a line ("1. Anna
Berg (S)", a list number, no count); a heading with a count needs no colon ("Ja (5)", "Ja-röster (5)")
on its own line or before the first name; the sides may stand in columns side by side ("Ja:" and
"Nej:" on one line, each list under its heading). Used where the tuned readers read nothing or
refuse. Pure: no database query."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .rollcall import MAX_NAME, ParsedRollCall, RollCallRow
from .vote_words import DEFAULT_ROLE, RESULT_WORDS, duplicate_flags, is_break_furniture, role_of, rollcall_of

RESULT = r"(?P<what>ja|nej|avstår|avstod|avstående|frånvarande)"
HEAD_RE = re.compile(
    r"(?i)^(?:röstar\s+|röstade\s+|följande\s+(?:ledamöter\s+|ersättare\s+)?(?:röstade|röstar)\s+"
    r"|(?:ledamöter(?:na)?|ersättar(?:e|na)|de)\s+som\s+(?:röstar\s+|röstade\s+)?)?"
    rf"{RESULT}(?:-?röster|\s+röstar|\s+röstade|\s+från\s+att\s+rösta)?"
    r"\s*(?:\((?P<count>\d{1,3})\))?\s*(?::\s*(?P<rest>.*)|(?<=\))\s*\."
    r"|(?<=\))(?P<bare>)|(?<=\))\s+(?P<first>[A-ZÅÄÖÉÜ].*))$"
)  # "Avstår (0)." – a count with a full stop and no colon heads no list: nobody voted so. "Ja (5)" with
# no colon heads the names under it, or the names after it when they begin with a member ("first").
# The parties of the city's council (fixtures/parties.json): only these are read as a party after a comma.
PARTIES = ("MP", "SD", "KD", "FI", "S", "M", "V", "L", "C", "D")
# "Anna Berg, S, ordförande" / "Bo Ek, KD och …": the party after the name's comma, as "(S)".
COMMA_PARTY_RE = re.compile(rf"(?<=[\w'’.])\s*,\s*(?P<party>{'|'.join(PARTIES)})(?=\s*[,;.]|\s+(?:och|samt)\s|\s*$)")
BULLET_RE = re.compile(r"^\s*(?:[-–•*]|\d{1,3}[.)])\s+")
MEMBER_RE = re.compile(r"^(?P<name>[A-ZÅÄÖÉÜ][\w'’.-]*(?:\s+[\w'’.-]+){1,5})\s*\((?P<party>[A-ZÅÄÖ]{1,4})\)$")
PREFIX_RE = re.compile(
    r"(?i)^(?P<role>(?:(?:den|det)\s+)?(?:tjänstgörande\s+)?(?:ersättar(?:en|na)|ledamöterna|ledamoten"
    r"|(?:(?:förste|andre|1:e|2:e)\s+)?(?:vice\s+)?ordföranden))\s+(?P<rest>[A-ZÅÄÖÉÜ].*)$"
)
# "8. Lotta Nyberg, KD, ersättare för Bo Ek (KD): Nej" – number, name, party, role, result.
NUMBERED_RE = re.compile(
    r"(?i)^\s*\d{1,3}[.)]\s+(?P<name>[A-ZÅÄÖÉÜ][^,():]+?),\s*(?P<party>[A-ZÅÄÖ]{1,4}),\s*(?P<role>[^:]+?)\s*:\s*"
    r"(?P<result>ja|nej|avstår|avstod|frånvarande)\.?\s*$"
)
# A line that begins with a member ("Tiina Mäkelä (V)", "Peter Gran (V), tjänstgörande ersättare …").
MEMBER_LINE_RE = re.compile(r"^[A-ZÅÄÖÉÜ][\w'’.-]*(?:\s+[\w'’.-]+){1,5}\s*\([A-ZÅÄÖ]{1,4}\)(?:[,;.]|\s*$)")
# "tjänstgörande ersättare för Ulla Berg (V)" after a member's party: the role, and the member stood in for.
SERVES_RE = re.compile(r"(?i)^(?P<role>.+?)\s+(?:för|i\s+stället\s+för)\s+(?P<member>[^()]+\([A-ZÅÄÖ]{1,4}\))$")
# "ersättaren Karin Holm (S) för Bengt Ros (S)": the deputy's row; the member stood in for gives none.
FOR_MEMBER_RE = re.compile(
    r"(?i)^(?P<member>.+?\([A-ZÅÄÖ]{1,4}\))\s+(?:som\s+(?:tjänstgjorde|tjänstgör)\s+)?(?:i\s+stället\s+|istället\s+)?för\s+"
    r"(?P<absent>[^()]+\([A-ZÅÄÖ]{1,4}\))$"
)
STANDS_IN_RE = re.compile(r"(?i)^(?P<role>.+?)\s+(?:för|i\s+stället\s+för)\s+.+$")


def _result(word: str) -> str:
    word = word.lower()
    return RESULT_WORDS["avstår" if word.startswith("avst") else word]


def read_numbered(lines: list[str]) -> tuple[ParsedRollCall | None, list[str]]:
    """A numbered röstlista, two rows or more one after the other."""
    rows: list[RollCallRow] = []
    flags: list[str] = []
    for index, raw in enumerate(lines):
        found = NUMBERED_RE.match(raw)
        if not found:
            if rows and raw.strip() and not is_break_furniture(lines, index):
                if BULLET_RE.match(raw):
                    flags.append(_unread(index, raw))
                break
            continue
        role_text = found["role"].strip()
        stands_in = STANDS_IN_RE.match(role_text)
        role = role_text if not stands_in else stands_in["role"]
        role = role_of(role) or role
        rows.append(
            RollCallRow(
                name=" ".join(found["name"].split()),
                party=found["party"].upper(),
                seat=None,
                role=role,
                result=_result(found["result"]),
                line=index + 1,
            )
        )
    if len(rows) < 2 or flags:
        return None, flags
    return rollcall_of(rows, {}), duplicate_flags(rows)


def _unread(index: int, raw: str) -> str:
    return _("Rad %(line)d: raden i namnlistan kunde inte läsas: ”%(text)s” – skriv in namnlistan.") % {
        "line": index + 1,
        "text": " ".join(raw.split())[:80],
    }


def _block(lines: list[str], start: int, first: str) -> tuple[list[tuple[str, int]], int]:
    """The items of one list from its heading's line: (text, line) per item, and where it ended.
    A list goes on over blank lines and page furniture while its last item is unfinished or the
    next line is another dash item."""
    items: list[tuple[str, int]] = [(first, start + 1)] if first.strip() else []
    dashed = False
    index = start + 1
    gap = turned = False  # turned: the gap holds a page break (its furniture), not only blank lines
    while index < len(lines):
        raw = lines[index]
        stripped = raw.strip()
        if not stripped or is_break_furniture(lines, index):
            gap, turned = True, turned or bool(stripped) or "\f" in raw
            index += 1
            continue
        if _heading(stripped)[0]:
            break
        bullet = BULLET_RE.match(raw)
        unfinished = bool(items) and not _finished(items[-1][0])
        # One member a line, broken by a page: the next page's first line that is a member goes on.
        one_a_line = turned and items and not dashed and bool(MEMBER_LINE_RE.match(stripped))
        if gap and not (unfinished or (bullet and (dashed or not items)) or one_a_line):
            break
        if bullet:
            dashed = True
            items.append((raw[bullet.end() :].strip(), index + 1))
        elif items and not dashed and not unfinished and MEMBER_LINE_RE.match(stripped):
            items.append((stripped, index + 1))  # one member a line, no dash: the line ends the item
        elif items and (not dashed or unfinished):  # a name or list wrapped onto this line
            items[-1] = (f"{items[-1][0]} {stripped}", items[-1][1])
        elif not items:
            items.append((stripped, index + 1))
        else:
            break
        gap = turned = False
        index += 1
    return items, index


def _finished(text: str) -> bool:
    """An item that ends in a party's parenthesis or in a role after it ("(V), ersättare")."""
    text = text.strip()
    if text.endswith((",", ";")):
        return False
    last = re.split(r"\s*[,;]\s*|\s+och\s+", text.rstrip("."))[-1]
    # A role in the definite form ("… och den tjänstgörande ersättaren", "ledamöterna") stands before
    # the name on the next line; only the indefinite one after a party ("(V), ersättare") ends an item.
    definite = bool(re.search(r"(?i)(?:en|na)$", last.strip()))
    return last.endswith(")") or (bool(role_of(last)) and not definite)


def list_members(text: str, line: int, result: str) -> tuple[list[RollCallRow], str | None]:
    """The members of one list's text: "A (S), ordförande, B (V) och den tjänstgörande ersättaren
    C (S)"; the part that is neither a member nor a role is returned to be flagged."""
    # A name broken at its hyphen over a line end ("Ann-⏎Louise Berg") is one name again.
    # and a word the typesetter hyphenated ("tjänstgörande er‐⏎sättare", U+2010 or a soft hyphen) one word.
    text = re.sub(r"(?<=\w)-\s+(?=[A-ZÅÄÖÉÜ])", "-", _comma_parties(text))
    text = re.sub(r"(?<=[a-zåäöé])[\u2010\u00ad]\s*(?=[a-zåäöé])", "", text)
    pieces = [p.strip() for p in re.split(r"\s*[,;]\s*|\s+och\s+|\s+samt\s+", text.strip().rstrip(".")) if p.strip()]
    rows: list[RollCallRow] = []
    prefix, sticky = None, False
    for piece in pieces:
        role_after = role_of(piece)
        if role_after and rows and not MEMBER_RE.match(piece):
            rows[-1].role = role_after
            continue
        serves = SERVES_RE.match(" ".join(piece.split()))
        if serves and rows and role_of(serves["role"]) and MEMBER_RE.match(serves["member"].strip()):
            rows[-1].role, rows[-1].serves_for = role_of(serves["role"]), serves["member"].strip()
            continue
        found = PREFIX_RE.match(piece)
        if found:
            prefix = role_of(found["role"])
            sticky = found["role"].lower().endswith(("na", "erna"))
            piece = found["rest"]
        stood_in = FOR_MEMBER_RE.match(" ".join(piece.split()))
        absent = ""
        if stood_in and MEMBER_RE.match(stood_in["absent"].strip()):
            piece, absent = stood_in["member"], stood_in["absent"].strip()
        member = MEMBER_RE.match(" ".join(piece.split()))
        if not member or len(member["name"]) > MAX_NAME:
            return rows, piece
        role = prefix or DEFAULT_ROLE
        rows.append(
            RollCallRow(name=member["name"], party=member["party"], seat=None, role=role, result=result, line=line)
        )
        rows[-1].serves_for = absent
        if not sticky:
            prefix = None
    return rows, None


def _heading(line: str) -> tuple[re.Match | None, str | None]:
    """A list's heading and the text its list begins with on its line (None: it heads no list)."""
    head = HEAD_RE.match(line.strip())
    if not head:
        return None, None
    if head["rest"] is not None:
        return head, head["rest"]
    if head["first"] is not None:  # "Ja (5) Anna Berg (S), …": the names on the heading's line
        return (head, head["first"]) if MEMBER_LINE_RE.match(head["first"]) else (None, None)
    if head["bare"] is not None and head["count"] != "0":  # "Ja (5)" on its own line, the names under it
        return head, ""
    return head, None


def _comma_parties(text: str) -> str:
    return COMMA_PARTY_RE.sub(lambda m: f" ({m['party']})", text)


def _column_starts(raw: str) -> list[int] | None:
    """The columns of a line of headings side by side ("Ja (4):      Nej (3):"): where each begins."""
    cells = list(re.finditer(r"\S+(?: \S+)*", raw))
    if len(cells) < 2 or not all(_heading(c.group(0))[0] for c in cells):
        return None
    return [c.start() for c in cells]


def _split_columns(raw: str, starts: list[int]) -> list[str] | None:
    """A line under headings side by side cut into its columns at the gaps (two spaces or more) at
    the headings' positions (a text layer may shift a column a character or two); None when text
    runs across a column's edge."""
    pieces, at = [], 0
    for edge in starts[1:]:
        if len(raw.rstrip()) <= edge:
            break
        gap = next((g for g in re.finditer(r" {2,}|^ +", raw) if g.start() <= edge + 2 and g.end() >= edge - 2), None)
        if gap is None or gap.end() < at:
            return None
        pieces.append(raw[at : gap.start()] if gap.start() > at else "")
        at = gap.end()
    pieces.append(raw[at:])
    return [p.strip() for p in pieces] + [""] * (len(starts) - len(pieces))


def _views(lines: list[str]) -> list[list[str]]:
    """The lines as read one list after the other: headings side by side and the lines under them
    (up to a blank line) become one view per column, the lines after them the next view."""
    for index, raw in enumerate(lines):
        starts = _column_starts(raw)
        if starts is None:
            continue
        rows = [(index, [c.group(0) for c in re.finditer(r"\S+(?: \S+)*", raw)])]
        end = index + 1
        while end < len(lines) and lines[end].strip() and not is_break_furniture(lines, end):
            split = _split_columns(lines[end], starts)
            if split is None:
                return [lines]  # the columns cannot be told apart: read as printed, and flagged
            rows.append((end, split))
            end += 1
        views = []
        for column in range(len(starts)):
            view = list(lines[:index]) if column == 0 else [""] * index
            view += [cells[column] for _n, cells in rows] + [""] * (len(lines) - end)
            views.append(view)
        return views + _views([""] * end + lines[end:])
    return [lines]


def read_lists(lines: list[str]) -> tuple[ParsedRollCall | None, list[str]]:
    """Every result-headed list in the lines (one vote's text) as one roll call; a list whose count
    in its heading differs from its names, or a part that is no member, makes none but a flag."""
    rows: list[RollCallRow] = []
    declared: dict[str, int] = {}
    flags: list[str] = []
    for view in _views(lines):
        _read_view([_comma_parties(raw) for raw in view], rows, declared, flags)
    if flags or not rows:
        return None, flags
    return rollcall_of(rows, declared), duplicate_flags(rows)


def _read_view(lines: list[str], rows: list[RollCallRow], declared: dict[str, int], flags: list[str]) -> None:
    index = 0
    while index < len(lines):
        head, first = _heading(lines[index])
        if not head:
            index += 1
            continue
        result = _result(head["what"])
        items, end = _block(lines, index, first) if first is not None else ([], index + 1)
        listed: list[RollCallRow] = []
        for text, line in items:
            members, left = list_members(text, line, result)
            listed += members
            if left is not None:
                flags.append(
                    _("Rad %(line)d: ”%(text)s” är inte ett namn med parti, t.ex. ”Anna Andersson (S)”.")
                    % {"line": line, "text": left[:80]}
                )
        if head["count"] is not None:
            key = {"ja": "ja", "nej": "nej", "franvarande": "franvarande"}.get(str(result), "avstar")
            declared[key] = declared.get(key, 0) + int(head["count"])
            if int(head["count"]) != len(listed):
                flags.append(
                    _("Rad %(line)d: rubriken säger %(count)s men listan har %(listed)d namn.")
                    % {"line": index + 1, "count": head["count"], "listed": len(listed)}
                )
        rows += listed
        index = max(end, index + 1)
