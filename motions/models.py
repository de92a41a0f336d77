from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assignments.models import Assignment, Board, ReportingPeriod
from core.colours import text_colour_on
from core.validators import CASE_NUMBER_PATTERN, DNR_PATTERN, validate_case_number, validate_dnr

from .querysets import CaseQuerySet


class Party(models.Model):
    abbreviation = models.CharField(_("förkortning"), max_length=10, unique=True)
    name = models.CharField(_("namn"), max_length=100, unique=True)
    colour = models.CharField(_("färg"), max_length=7, help_text=_("Hexadecimal färg, t.ex. #E8112D"))
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("parti")
        verbose_name_plural = _("partier")
        ordering = ["sort_order", "abbreviation"]
        constraints = [
            models.CheckConstraint(condition=Q(colour__regex=r"^#[0-9A-Fa-f]{6}$"), name="party_colour_hex"),
        ]

    def __str__(self):
        return self.abbreviation

    @property
    def text_colour(self) -> str:
        """Black or white, whichever reads better on the party colour (core.colours)."""
        return text_colour_on(self.colour)


class Member(models.Model):
    """A seat holder of a decision body (ledamot, ersättare, ordförande…)."""

    name = models.CharField(_("namn"), max_length=120)
    party = models.ForeignKey(
        Party, verbose_name=_("parti"), null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    body = models.ForeignKey(Board, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="members")
    seat = models.PositiveSmallIntegerField(_("plats"), null=True, blank=True)
    role = models.CharField(_("funktion"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ledamot")
        verbose_name_plural = _("ledamöter")
        ordering = ["body", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="member_unique_name_per_body"),
            models.UniqueConstraint(
                fields=["body", "seat"], condition=Q(seat__isnull=False), name="member_unique_seat_per_body"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.party or '?'})"


class Case(models.Model):
    """An ärende, known by its ärendenummer (SLK-2022-00921) and/or diarienummer (0921/22)."""

    case_number = models.CharField(
        _("ärendenummer"), max_length=20, null=True, blank=True, unique=True, validators=[validate_case_number]
    )
    dnr = models.CharField(
        _("diarienummer"), max_length=7, null=True, blank=True, unique=True, validators=[validate_dnr]
    )
    title = models.CharField(_("ärendemening"), max_length=400)
    # The administration that prepares the case: a referral (återremiss) sends its points back to it.
    responsible_office = models.ForeignKey(
        Board,
        verbose_name=_("ansvarig förvaltning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prepared_cases",
    )
    # A board's delårsrapport/årsrapport is itself decided in a case (KS augusti 2023: 0064/23): the
    # report finds its case through this link, never by its generated title.
    reports_on_board = models.ForeignKey(
        Board,
        verbose_name=_("rapport från nämnd"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_cases",
    )
    reports_on_period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("rapport för period"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_cases",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(case_number__isnull=False) | Q(dnr__isnull=False), name="case_has_identifier"
            ),
            models.CheckConstraint(
                condition=Q(case_number__isnull=True) | Q(case_number__regex=CASE_NUMBER_PATTERN),
                name="case_number_format",
            ),
            models.CheckConstraint(condition=Q(dnr__isnull=True) | Q(dnr__regex=DNR_PATTERN), name="case_dnr_format"),
            models.CheckConstraint(
                condition=Q(reports_on_board__isnull=True, reports_on_period__isnull=True)
                | Q(reports_on_board__isnull=False, reports_on_period__isnull=False),
                name="case_report_link_has_board_and_period",
            ),
            models.UniqueConstraint(
                fields=["reports_on_board", "reports_on_period"],
                condition=Q(reports_on_board__isnull=False),
                name="case_one_per_board_report",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        """The identifier shown to people: ärendenummer, else diarienummer."""
        return self.case_number or self.dnr

    @property
    def url_key(self) -> str:
        """The identifier in URLs: ärendenummer, else the dnr with '-' for '/' (0064-23)."""
        return self.case_number or self.dnr.replace("/", "-")

    def get_absolute_url(self):
        return reverse("motions:case", args=[self.url_key])


class Meeting(models.Model):
    body = models.ForeignKey(Board, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("sammanträdesdatum"))
    # The open data API's modified_since reads it, as for the other records without a modification time.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["body", "date"], name="meeting_unique_body_date")]

    def __str__(self):
        return f"{self.body.short_name} {self.date.isoformat()}"


class OfficialProposal(models.Model):
    """The tjänsteutlåtande: the administration's proposal with numbered decision points."""

    case = models.ForeignKey(Case, verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("rubrik"), max_length=400)
    author_body = models.ForeignKey(
        Board, verbose_name=_("avsändare"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued = models.DateField(_("utfärdat"))
    revised = models.DateField(_("reviderat"), null=True, blank=True)
    addressed_to = models.CharField(_("riktat till"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tjänsteutlåtande")
        verbose_name_plural = _("tjänsteutlåtanden")
        ordering = ["issued"]
        constraints = [
            models.UniqueConstraint(fields=["case", "issued"], name="proposal_unique_per_case_issued"),
            models.CheckConstraint(
                condition=Q(revised__isnull=True) | Q(revised__gte=models.F("issued")),
                name="proposal_revised_after_issued",
            ),
        ]

    def __str__(self):
        return f"{_('Tjänsteutlåtande')} {self.issued.isoformat()}"


class Motion(models.Model):
    """A party motion (yrkande) or another party document filed on a case."""

    class Kind(models.TextChoices):
        YRKANDE = "yrkande", _("Yrkande")
        TILLAGGSYRKANDE = "tillaggsyrkande", _("Tilläggsyrkande")
        ANDRINGSYRKANDE = "andringsyrkande", _("Ändringsyrkande")
        ATERREMISSYRKANDE = "aterremissyrkande", _("Återremissyrkande")
        YTTRANDE = "yttrande", _("Yttrande")
        PROTOKOLLSANTECKNING = "protokollsanteckning", _("Protokollsanteckning")
        RESERVATION = "reservation", _("Reservation")

    case = models.ForeignKey(Case, verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="motions")
    kind = models.CharField(_("typ"), max_length=25, choices=Kind.choices)
    title = models.CharField(_("rubrik"), max_length=400, blank=True)
    parties = models.ManyToManyField(Party, verbose_name=_("partier"), blank=True, related_name="motions")
    # The parties' ids in the order the document prints them ("V, S, MP"): a set of parties has no
    # order, and the printed one is the motion's (the first party is usually the one that wrote it).
    party_order = models.JSONField(_("partiernas ordning"), default=list, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    body = models.ForeignKey(
        Board, verbose_name=_("organ"), null=True, blank=True, on_delete=models.PROTECT, related_name="motions"
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("sammanträde"), null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    revision_of = models.ForeignKey(
        "self",
        verbose_name=_("revision av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revisions",
    )
    is_revised = models.BooleanField(_("reviderat yrkande"), default=False)
    approves_rest = models.BooleanField(_("bifaller i övrigt tjänsteutlåtandet"), default=False)
    # As printed: "I övrigt bifalla tjänsteutlåtandet" (the proposal's remaining points) and
    # "Att därutöver bifalla tjänsteutlåtandet" (all of them, in addition) do not mean the same.
    approves_rest_wording = models.CharField(_("lydelse om bifall i övrigt"), max_length=300, blank=True)
    # The unnumbered text the points complete: "Ärendet återremitteras till stadsledningskontoret för att".
    lead_in = models.TextField(_("inledning"), blank=True)
    justification = models.TextField(_("yrkandet (motivering)"), blank=True)
    full_text_available = models.BooleanField(_("fullständig text finns"), default=True)
    import_notes = models.TextField(_("anmärkningar vid inläsning"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yrkande")
        verbose_name_plural = _("yrkanden")
        ordering = ["sort_order", "date", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date or ''}".strip()

    def set_parties(self, parties) -> None:
        """Give the motion its parties in the printed order (the caller's transaction and history)."""
        parties = list(dict.fromkeys(parties))
        order = [party.pk for party in parties]
        if self.party_order != order:  # a motion made with its order already saves no second version
            self.party_order = order
            self.save(update_fields=["party_order", "updated_at"])
        self.parties.set(parties)

    @property
    def ordered_parties(self) -> list:
        """The parties in the printed order, from the (prefetched) parties: no query of its own.

        A party added another way (the admin) and so missing from the order comes after, in the
        parties' usual order.
        """
        position = {pk: index for index, pk in enumerate(self.party_order or [])}
        return sorted(
            self.parties.all(), key=lambda p: (position.get(p.pk, len(position)), p.sort_order, p.abbreviation)
        )


def point_label(number: int, label: str = "") -> str:
    """The one home of how a decision point is labelled: its printed mark ("a)") or its number."""
    return label or str(number)


def point_marker(number: int, label: str = "") -> str:
    """The mark before a point's text: the printed one ("a)") or the number with a dot ("2.")."""
    return label or f"{number}."


class DecisionPoint(models.Model):
    """One numbered decision point (beslutssats) of a proposal or of a motion."""

    proposal = models.ForeignKey(
        OfficialProposal,
        verbose_name=_("tjänsteutlåtande"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="points",
    )
    motion = models.ForeignKey(
        Motion, verbose_name=_("yrkande"), null=True, blank=True, on_delete=models.CASCADE, related_name="points"
    )
    decision = models.ForeignKey(
        "Decision",
        verbose_name=_("beslut"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="points",
        help_text=_("Punkterna i beslutet som det står i protokollet, när de inte är ett yrkandes eller förslags."),
    )
    number = models.PositiveSmallIntegerField(_("punkt"))
    # The point's mark as the document prints it when that is not its number ("a)", "B."); the
    # number stays the order. Empty: the number is the label.
    label = models.CharField(_("beteckning"), max_length=8, blank=True)
    text = models.TextField(_("text"))
    responsible_boards = models.ManyToManyField(
        Board, verbose_name=_("ansvariga"), blank=True, related_name="decision_points"
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("uppdrag som beslutet gav"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_points",
    )
    # Not the assignment a point gives but one whose redovisning it decides on: "antecknas och
    # förklaras fullgjort", "godkänner för egen del redovisningen", "godkännes ej". Kept apart from
    # `assignment` so the register and the lineage never take a follow-up for an origin.
    concerns_assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("uppdrag som punkten följer upp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_points",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslutspunkt")
        verbose_name_plural = _("beslutspunkter")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(proposal__isnull=False) & Q(motion__isnull=True) & Q(decision__isnull=True))
                | (Q(proposal__isnull=True) & Q(motion__isnull=False) & Q(decision__isnull=True))
                | (Q(proposal__isnull=True) & Q(motion__isnull=True) & Q(decision__isnull=False)),
                name="point_has_exactly_one_owner",
            ),
            models.UniqueConstraint(
                fields=["proposal", "number"], condition=Q(proposal__isnull=False), name="point_unique_number_proposal"
            ),
            models.UniqueConstraint(
                fields=["motion", "number"], condition=Q(motion__isnull=False), name="point_unique_number_motion"
            ),
            models.UniqueConstraint(
                fields=["decision", "number"], condition=Q(decision__isnull=False), name="point_unique_number_decision"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="point_number_positive"),
        ]

    def __str__(self):
        return f"{_('punkt')} {self.printed_label}"

    @property
    def printed_label(self) -> str:
        """What the point is called where a page names it ("punkt a)", "punkt 2")."""
        return point_label(self.number, self.label)

    @property
    def list_marker(self) -> str:
        """The point's mark before its text in a list ("a)", "2.")."""
        return point_marker(self.number, self.label)


class Decision(models.Model):
    """What a meeting decided on a case under one paragraph (§): adopted, referred back, tabled…"""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Beslutat")
        REFERRED_BACK = "referred_back", _("Återremitterat")
        TABLED = "tabled", _("Bordlagt")
        REJECTED = "rejected", _("Avslaget")
        NOTED = "noted", _("Antecknat")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("sammanträde"), on_delete=models.PROTECT, related_name="decisions"
    )
    paragraph = models.PositiveIntegerField(_("paragraf (§)"), null=True, blank=True)
    case = models.ForeignKey(Case, verbose_name=_("ärende"), on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices)
    text = models.TextField(_("beslut"), blank=True)
    adopted_motions = models.ManyToManyField(
        Motion, verbose_name=_("bifallna yrkanden"), blank=True, related_name="adopted_in"
    )
    adopted_points = models.ManyToManyField(
        DecisionPoint, verbose_name=_("bifallna punkter"), blank=True, related_name="adopted_in"
    )
    adjusted_on = models.DateField(_("justerat"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["meeting__date", "paragraph"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "paragraph"], condition=Q(paragraph__isnull=False), name="decision_unique_paragraph"
            ),
        ]

    def __str__(self):
        paragraph = f" § {self.paragraph}" if self.paragraph else ""
        return f"{self.meeting}{paragraph}"


class DecisionNote(models.Model):
    """A protokollsanteckning, reservation or särskilt yttrande entered in the minutes of a decision."""

    class Kind(models.TextChoices):
        PROTOKOLLSANTECKNING = "protokollsanteckning", _("Protokollsanteckning")
        RESERVATION = "reservation", _("Reservation")
        SARSKILT_YTTRANDE = "sarskilt_yttrande", _("Särskilt yttrande")

    decision = models.ForeignKey(Decision, verbose_name=_("beslut"), on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("typ"), max_length=25, choices=Kind.choices)
    parties = models.ManyToManyField(Party, verbose_name=_("partier"), blank=True, related_name="+")
    members = models.CharField(_("ledamöter"), max_length=400, blank=True)
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anteckning eller reservation")
        verbose_name_plural = _("anteckningar och reservationer")

    def __str__(self):
        return self.get_kind_display()


class Vote(models.Model):
    """A roll-call vote (omröstning) within a decision."""

    decision = models.ForeignKey(Decision, verbose_name=_("beslut"), on_delete=models.CASCADE, related_name="votes")
    proposition = models.TextField(_("voteringsproposition"))
    yes = models.PositiveSmallIntegerField(_("ja"), default=0)
    no = models.PositiveSmallIntegerField(_("nej"), default=0)
    abstain = models.PositiveSmallIntegerField(_("avstår"), default=0)
    absent = models.PositiveSmallIntegerField(_("frånvarande"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("omröstning")
        verbose_name_plural = _("omröstningar")

    def __str__(self):
        return f"{self.decision}: {self.yes}–{self.no}"


class VoteRecord(models.Model):
    class Result(models.TextChoices):
        YES = "ja", _("Ja")
        NO = "nej", _("Nej")
        ABSTAIN = "avstar", _("Avstår")
        ABSENT = "franvarande", _("Frånvarande")

    vote = models.ForeignKey(Vote, verbose_name=_("omröstning"), on_delete=models.CASCADE, related_name="records")
    member = models.ForeignKey(Member, verbose_name=_("ledamot"), on_delete=models.PROTECT, related_name="vote_records")
    result = models.CharField(_("resultat"), max_length=12, choices=Result.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("röst")
        verbose_name_plural = _("röster")
        constraints = [models.UniqueConstraint(fields=["vote", "member"], name="vote_record_unique_member")]

    def __str__(self):
        return f"{self.member}: {self.get_result_display()}"


class AssignmentReview(models.Model):
    """The secretariat's answer to one adopted point offered as an assignment: confirmed or skipped.

    One row per decision and point (a constraint), written first in the confirming transaction:
    of two secretaries confirming the same point at once, the second one's insert fails and
    nothing of theirs is saved, so the point gives one assignment.
    """

    decision = models.ForeignKey(
        Decision, verbose_name=_("beslut"), on_delete=models.CASCADE, related_name="assignment_reviews"
    )
    point = models.ForeignKey(
        DecisionPoint, verbose_name=_("beslutspunkt"), on_delete=models.CASCADE, related_name="assignment_reviews"
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("uppdrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    skipped = models.BooleanField(_("hoppades över"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granskad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("granskad"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("granskning av uppdrag ur beslut")
        verbose_name_plural = _("granskningar av uppdrag ur beslut")
        constraints = [
            models.UniqueConstraint(fields=["decision", "point"], name="assignment_review_once_per_point"),
            models.CheckConstraint(
                condition=Q(skipped=True, assignment__isnull=True) | Q(skipped=False),
                name="assignment_review_skipped_has_no_assignment",
            ),
        ]

    def __str__(self):
        return f"{self.decision} {self.point}"


from .attachment_models import Attachment  # noqa: E402, F401 - a model of the app in a module of its own
