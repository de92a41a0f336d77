"""After the parse: the body and party names as printed turned into rows, with a fixed number of
queries whatever the length of the document (the boards' resolver and the party table, once each)."""

import re

from django.utils.translation import gettext as _

from assignments.models import Board

from ..models import Party
from .motion import WHOLE_TEXT_KINDS, ParsedMotion, read_motion

# The names a party goes by besides the table's: its official long name, an older name, the short
# spoken one. Keyed by abbreviation, so the table's own row (and its name) stays the authority.
PARTY_SPELLINGS = {
    "S": ("socialdemokraterna", "sveriges socialdemokratiska arbetareparti", "socialdemokratiska arbetarepartiet",
          "arbetarepartiet socialdemokraterna", "arbetarepartiet-socialdemokraterna", "socialdemokrater"),
    "M": ("moderaterna", "moderata samlingspartiet", "moderata"),
    "V": ("vänsterpartiet", "vänstern"),
    "MP": ("miljöpartiet", "miljöpartiet de gröna", "miljöpartiet de gröna i göteborg", "de gröna"),
    "SD": ("sverigedemokraterna",),
    "L": ("liberalerna", "folkpartiet liberalerna", "folkpartiet"),
    "C": ("centerpartiet", "centern"),
    "KD": ("kristdemokraterna", "kristdemokratiska samhällspartiet", "kristdemokrater"),
    "D": ("demokraterna", "demokraterna i göteborg"),
    "FI": ("feministiskt initiativ",),
}  # fmt: skip
# A local branch named after the party: "Moderaterna i Göteborg", "Vänsterpartiet Göteborg".
_LOCAL_BRANCH_RE = re.compile(r"\s+(?:i\s+)?göteborg(?:s\s+stad)?$")


def _party_for(name: str, parties: list[Party]) -> Party | None:
    cleaned = " ".join(name.split()).strip(" .").lower()
    local = _LOCAL_BRANCH_RE.sub("", cleaned)
    for party in parties:
        spellings = {party.abbreviation.lower(), party.name.lower(), *PARTY_SPELLINGS.get(party.abbreviation, ())}
        if cleaned in spellings or local in spellings or (len(cleaned) > 4 and party.name.lower().startswith(cleaned)):
            return party
    return None


def _parties_named_in(text: str, parties: list[Party]) -> list[Party]:
    """Parties a yttrande names in its own text ("Sverigedemokraterna står fast …", "(SD)"), in
    the order they first appear."""
    found = []
    for party in parties:
        patterns = [re.escape(party.name)]
        if party.abbreviation:
            patterns.append(rf"\({re.escape(party.abbreviation)}\)")
        match = re.search(rf"\b(?:{'|'.join(patterns)})", text, re.IGNORECASE)
        if match:
            found.append((match.start(), party))
    return [party for _start, party in sorted(found, key=lambda item: item[0])]


def _spellings(name: str) -> list[str]:
    """A body's name as printed, then as the board table may spell it: a suspended compound with or
    without its linking s ("Idrotts- och föreningsnämnden" / "Idrott- och …" / "Idrott och …"), and a
    company's board as the company ("Styrelsen för Förvaltnings AB Framtiden": the registry's row is
    the company's)."""
    spellings = [name]
    company = re.match(r"(?i)(?:bolags)?styrelsen (?:för|i) (.+)$", name)
    if company:
        spellings.append(company[1])
    for old, new in (("s- och ", "- och "), ("s- och ", " och "), ("- och ", " och ")):
        if old in name:
            spellings.append(name.replace(old, new))
    return spellings


def _addressee_board(addressed_to: str):
    """The body an addressee names ("I kommunstyrelsen", "I Miljö- och klimatnämnden:"), or the first
    of two ("I kommunstyrelsen och kommunfullmäktige"); None when it names no known body."""
    match = re.match(r"I\s+(.+?):?$", addressed_to.strip())
    if not match:
        return None
    name = match[1]
    # The first of two at " och "/" samt ", not inside a suspended compound ("Miljö- och …" is one).
    for candidate in (name, re.split(r"(?<!-)\s+(?:och|samt)\s+", name)[0]):
        board = _board_for(candidate[:1].upper() + candidate[1:])
        if board is not None:
            return board
    return None


def _board_for(name: str):
    resolve = Board.objects.resolver()
    return next((board for board in map(resolve, _spellings(name)) if board is not None), None)


def resolve_motion(parsed: ParsedMotion) -> ParsedMotion:
    """Fill in parsed.body and parsed.parties from the names the parse read; an unknown name is
    flagged for the review, never dropped unsaid."""
    parties = list(Party.objects.all())
    if parsed.body_name:
        parsed.body = _board_for(parsed.body_name)
        if parsed.body is None:
            parsed.flag("body", _("Organet ”%(name)s” är okänt") % {"name": parsed.body_name})
    else:
        # No header: the addressee names the body the motion is put to ("I kommunstyrelsen och
        # kommunfullmäktige:" is moved in the KS first). A reading, not a statement: flagged.
        board = _addressee_board(parsed.addressed_to or "")
        if board is not None:
            parsed.body = board
            parsed.flag(
                "body",
                _("Organet står inte i sidhuvudet; det lästes ur ”%(addressee)s” – kontrollera")
                % {"addressee": parsed.addressed_to},
            )
        else:
            parsed.flag("body", _("Organet framgår inte av handlingen"))
    resolved = []
    for name in parsed.party_names:
        party = _party_for(name, parties)
        if party is None:
            # Not a reason to lose the document: the reviewer picks the party (or has it added to
            # the table); the name as printed stays in the flag, and in the motion's import notes.
            parsed.unknown_parties.append(name)
            message = _("Partiet ”%(name)s” finns inte i partitabellen – välj partiet i listan") % {"name": name}
            parsed.flag("parties", f"{parsed.party_where}: {message}" if parsed.party_where else message)
        else:
            resolved.append(party)
    parsed.parties = list(dict.fromkeys(resolved))
    if not resolved and not parsed.unknown_parties and parsed.kind in WHOLE_TEXT_KINDS and parsed.justification:
        named = _parties_named_in(parsed.justification, parties)
        if len(named) == 1:
            parsed.parties = named
            parsed.party_names = [named[0].abbreviation]
            parsed.flags = [f for f in parsed.flags if f not in parsed.field_flags.get("parties", [])]
            parsed.field_flags.pop("parties", None)
            parsed.flag(
                "parties",
                _("Partiet (%(party)s) står inte i sidhuvudet; det lästes ur texten – kontrollera")
                % {"party": named[0].name},
            )
        elif named:
            parsed.flag(
                "parties",
                _("Texten nämner flera partier (%(names)s); välj vilket som står bakom")
                % {"names": ", ".join(p.abbreviation for p in named)},
            )
    return parsed


def parse_motion_text(text: str) -> ParsedMotion:
    """Read a motion and resolve its body and parties."""
    return resolve_motion(read_motion(text))
