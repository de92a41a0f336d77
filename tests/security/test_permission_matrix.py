"""Who may do what, for every URL of the site: one table, one test per cell.

Each row is a URL (by name, and as a path template filled from the real seed data), a method and
the exact status each of six users gets:

    anonym             not logged in
    lasare             läsare, the read-only role
    politiker          read-only as well
    handlaggare        a handläggare (officer) of the board that owns the object (kommunstyrelsen
                       unless the row says otherwise)
    annan_handlaggare  a handläggare of another board (kulturnämnden, which owns none of the objects)
    sekretariat        edits everything (and is staff)

Reads are GET; write endpoints also get a POST with minimal (empty) data: a refused form is 200
or 400, a form without fields to fill in (logout, notification choices, storing a report version)
is a 302 after the write, and nothing is ever a 500. LOGIN means a 302 to /logga-in/?next=<path>.

test_the_table_covers_every_url walks the URL resolver: a new URL fails it until it is added here.
WRITES, further down, posts complete forms for the steps the workflow keeps for the secretariat
and checks whether the assignment moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from api.resources import RESOURCES
from assignments import roles
from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from budget.models import CostEstimate, FinancialStatement
from motions.attachments import attachment_add
from motions.models import Case, DecisionPoint
from reports.models import PublishedReport
from tests.urlpatterns import all_routes

LOGIN = "LOGIN"  # 302 to the login page, with ?next= pointing back

ROLES = ("anonym", "lasare", "politiker", "handlaggare", "annan_handlaggare", "sekretariat")
OTHER_BOARD = "kulturnamnden"

# Which board the "handlaggare" column is an officer of, per row (a key of the `world` fixture's boards).
KS = "ks"  # kommunstyrelsen: owns assignment 0921/22, the KS statements and central items
ESTIMATE = "estimate"  # the board of the cost estimate used (grundskolenämnden in the seed data)


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    path: str
    expected: tuple  # one status per role, in ROLES order
    owner: str = KS

    def __post_init__(self):
        assert len(self.expected) == len(ROLES), self


def public(name, path):
    return Row(name, "GET", path, (200,) * 6)


def not_allowed(name, path, method="GET"):
    """A write-only endpoint read with the wrong method: login first, then 405."""
    return Row(name, method, path, (LOGIN, 405, 405, 405, 405, 405))


STATEMENT_PATH = "/budget/namnder/kommunstyrelsen/2023/augusti"
REPORT_PATH = "/rapporter/kommunstyrelsen/2023/augusti"

# fmt: off
TABLE = [
    # Row(name, method, path, (anonym, lasare, politiker, handlaggare, annan_handlaggare, sekretariat))
    # --- site ---------------------------------------------------------------------------------------------------------
    public("start", "/"),
    Row("login", "GET", "/logga-in/",                                             (200, 200, 200, 200, 200, 200)),
    Row("login", "POST", "/logga-in/",                                            (200, 200, 200, 200, 200, 200)),
    Row("logout", "GET", "/logga-ut/",                                            (405, 405, 405, 405, 405, 405)),
    Row("logout", "POST", "/logga-ut/",                                           (302, 302, 302, 302, 302, 302)),
    public("search", "/sok/"),
    # --- assignments --------------------------------------------------------------------------------------------------
    # An officer opening the bare list is sent to their own boards (?namnd=...).
    Row("assignments:list", "GET", "/uppdrag/",                                   (200, 200, 200, 302, 302, 200)),
    public("assignments:detail", "/uppdrag/{assignment}/"),
    Row("assignments:status", "GET", "/uppdrag/{assignment}/status/",             (LOGIN, 403, 403, 200, 403, 200)),
    Row("assignments:status", "POST", "/uppdrag/{assignment}/status/",            (LOGIN, 403, 403, 400, 403, 400)),
    Row("assignments:report", "GET", "/uppdrag/{assignment}/rapport/",            (LOGIN, 403, 403, 200, 403, 200)),
    Row("assignments:report", "POST", "/uppdrag/{assignment}/rapport/",           (LOGIN, 403, 403, 400, 403, 400)),
    public("assignments:boards", "/uppdrag/namnder/"),
    public("assignments:board", "/uppdrag/namnder/kommunstyrelsen/"),
    public("assignments_export_csv", "/uppdrag/export.csv"),
    public("assignments_export_xlsx", "/uppdrag/export.xlsx"),
    # --- cases and motions --------------------------------------------------------------------------------------------
    public("motions:case_list", "/arenden/"),
    public("motions:case", "/arenden/{case}/"),
    public("motions:compare", "/arenden/{case}/jamfor/"),
    public("comparison_pdf", "/arenden/{case}/jamfor.pdf"),
    public("motions:point", "/arenden/{case}/punkter/{point}/"),
    public("comparison_csv", "/arenden/{case}/jamfor.csv"),
    # An attachment is as public as its case (motions.attachment_views.download).
    public("motions:attachment", "/arenden/{case}/bilagor/{attachment}/{attachment_filename}"),
    # Importing is the secretariat's (motions.services.can_import): officers of any board are refused.
    Row("motions:motion_import", "GET", "/arenden/{case}/las-in-yrkande/",        (LOGIN, 403, 403, 403, 403, 200)),
    Row("motions:motion_import", "POST", "/arenden/{case}/las-in-yrkande/",       (LOGIN, 403, 403, 403, 403, 200)),
    Row("motions:rollcall_import", "GET",
        "/arenden/{case}/beslut/{decision}/las-in-omrostning/",                   (LOGIN, 403, 403, 403, 403, 200)),
    Row("motions:rollcall_import", "POST",
        "/arenden/{case}/beslut/{decision}/las-in-omrostning/",                   (LOGIN, 403, 403, 403, 403, 200)),
    # --- the secretariat's registration pages (motions.registration/decisions, assignments.periods) ---------------
    *[
        Row(name, method, path, (LOGIN, 403, 403, 403, 403, expected))
        for name, path, statuses in [
            ("secretariat:index", "/sekretariat/", {"GET": 200}),
            ("secretariat:case_new", "/sekretariat/arenden/ny/", {"GET": 200, "POST": 400}),
            ("secretariat:case", "/sekretariat/arenden/{case}/", {"GET": 200}),
            ("secretariat:proposal_new", "/sekretariat/arenden/{case}/tjansteutlatande/ny/", {"GET": 200, "POST": 400}),
            ("secretariat:attachment_new", "/sekretariat/arenden/{case}/bilagor/ny/", {"GET": 200, "POST": 400}),
            ("secretariat:attachment_remove", "/sekretariat/arenden/{case}/bilagor/{attachment}/ta-bort/",
             {"GET": 200, "POST": 400}),
            ("secretariat:point_edit", "/sekretariat/arenden/{case}/punkter/{point}/", {"GET": 200, "POST": 400}),
            ("proposal_import", "/sekretariat/arenden/{case}/tjansteutlatande/las-in/", {"GET": 200, "POST": 400}),
            # An empty post is the upload form refused (no text, no file): nothing is read or saved.
            ("secretariat:protocol_import", "/sekretariat/arenden/{case}/las-in-protokoll/", {"GET": 200, "POST": 400}),
            ("secretariat:point_add", "/sekretariat/arenden/{case}/tjansteutlatande/{proposal}/punkter/ny/",
             {"GET": 200, "POST": 400}),
            # Removing a point something refers to is refused with a message: a redirect either way.
            ("secretariat:point_remove", "/sekretariat/arenden/{case}/punkter/{point}/ta-bort/", {"POST": 302}),
            ("secretariat:meeting_new", "/sekretariat/sammantraden/ny/", {"GET": 200, "POST": 400}),
            ("secretariat:meeting", "/sekretariat/sammantraden/{meeting}/", {"GET": 200}),
            # Without ?arende= both ask which case the decision is on.
            ("secretariat:decision_new", "/sekretariat/sammantraden/{meeting}/beslut/ny/", {"GET": 200, "POST": 200}),
            # An empty form is a valid answer there: no point adopted (the correction of the computed set).
            ("secretariat:decision", "/sekretariat/beslut/{decision}/", {"GET": 200, "POST": 302}),
            ("secretariat:note_new", "/sekretariat/beslut/{decision}/anteckning/", {"GET": 200, "POST": 400}),
            # The seed decision offers no point (they were made assignments before this app): nothing to save.
            ("secretariat:review", "/sekretariat/beslut/{decision}/uppdrag/", {"GET": 200, "POST": 302}),
            ("periods:list", "/sekretariat/perioder/", {"GET": 200, "POST": 400}),
            # An empty POST is the upload form refused ("Klistra in texten eller välj en fil."): nothing read.
            ("history:import", "/sekretariat/historik/las-in/", {"GET": 200, "POST": 200}),
            ("periods:toggle", "/sekretariat/perioder/{period}/", {"POST": 400}),
        ]
        for method, expected in statuses.items()
    ],
    not_allowed("periods:toggle", "/sekretariat/perioder/{period}/"),
    not_allowed("secretariat:point_remove", "/sekretariat/arenden/{case}/punkter/{point}/ta-bort/"),
    # --- budget -------------------------------------------------------------------------------------------------------
    public("budget:index", "/budget/"),
    public("budget:case", "/budget/arenden/{case}/"),
    public("budget:board", "/budget/namnder/kommunstyrelsen/"),
    public("budget:statement", STATEMENT_PATH + "/"),
    public("statement_xlsx", "/budget/kommunstyrelsen/2023/augusti/resultatredovisning.xlsx"),
    # Any officer may open a point's estimates; the form only offers their own boards.
    Row("budget:point_costs", "GET", "/budget/arenden/{case}/punkter/{point}/",   (LOGIN, 403, 403, 200, 200, 200)),
    Row("budget:point_costs", "POST", "/budget/arenden/{case}/punkter/{point}/",  (LOGIN, 403, 403, 200, 200, 200)),
    Row("budget:estimate_edit", "GET", "/budget/kostnader/{estimate}/",           (LOGIN, 403, 403, 200, 403, 200),
        owner=ESTIMATE),
    Row("budget:estimate_edit", "POST", "/budget/kostnader/{estimate}/",          (LOGIN, 403, 403, 200, 403, 200),
        owner=ESTIMATE),
    Row("budget:statement_new", "GET", STATEMENT_PATH + "/ny-redovisning/",       (LOGIN, 403, 403, 200, 403, 200)),
    Row("budget:statement_new", "POST", STATEMENT_PATH + "/ny-redovisning/",      (LOGIN, 403, 403, 200, 403, 200)),
    Row("budget:central_items_edit", "GET",
        STATEMENT_PATH + "/kommuncentrala-poster/",                               (LOGIN, 403, 403, 200, 403, 200)),
    Row("budget:central_items_edit", "POST",
        STATEMENT_PATH + "/kommuncentrala-poster/",                               (LOGIN, 403, 403, 200, 403, 200)),
    Row("budget:statement_edit", "GET", "/budget/redovisningar/{statement}/andra/", (LOGIN, 403, 403, 200, 403, 200)),
    Row("budget:statement_edit", "POST", "/budget/redovisningar/{statement}/andra/", (LOGIN, 403, 403, 200, 403, 200)),
    # --- reports (delårsrapport) --------------------------------------------------------------------------------------
    public("reports:index", "/rapporter/"),
    public("reports:register", "/rapporter/verkstallighetsregister/"),
    public("reports:register_pdf", "/rapporter/verkstallighetsregister.pdf"),
    public("reports:register_xlsx", "/rapporter/verkstallighetsregister.xlsx"),
    public("reports:preview", REPORT_PATH + "/"),
    public("reports:pdf", REPORT_PATH + ".pdf"),
    public("reports:version_pdf", REPORT_PATH + "/versioner/{version}.pdf"),
    public("reports:version_compare", REPORT_PATH + "/versioner/{version}/jamfor/{version}/"),
    not_allowed("reports:publish", REPORT_PATH + "/versioner/"),
    Row("reports:publish", "POST", REPORT_PATH + "/versioner/",                   (LOGIN, 403, 403, 403, 403, 302)),
    not_allowed("reports:adopt", REPORT_PATH + "/versioner/{version}/faststall/"),
    Row("reports:adopt", "POST", REPORT_PATH + "/versioner/{version}/faststall/", (LOGIN, 403, 403, 403, 403, 302)),
    # --- feeds --------------------------------------------------------------------------------------------------------
    public("feeds:index", "/floden/"),
    public("feeds:decisions", "/floden/beslut/"),
    public("feeds:decisions_atom", "/floden/beslut/atom/"),
    public("feeds:case_motions", "/floden/arenden/{case}/yrkanden/"),
    public("feeds:case_motions_atom", "/floden/arenden/{case}/yrkanden/atom/"),
    public("feeds:board_assignments", "/floden/namnder/kommunstyrelsen/uppdrag/"),
    public("feeds:board_assignments_atom", "/floden/namnder/kommunstyrelsen/uppdrag/atom/"),
    public("feeds:board_deadlines", "/floden/namnder/kommunstyrelsen/slutdatum.ics"),
    # --- account ------------------------------------------------------------------------------------------------------
    Row("notifications:preferences", "GET", "/konto/aviseringar/",                (LOGIN, 200, 200, 200, 200, 200)),
    Row("notifications:preferences", "POST", "/konto/aviseringar/",               (LOGIN, 302, 302, 302, 302, 302)),
    # --- open data API (read-only, public) ----------------------------------------------------------------------------
    public("api:root", "/api/v1/"),
    public("api:openapi", "/api/v1/openapi.json"),
    *[
        row
        for resource in RESOURCES
        for row in (
            public(f"api:{resource.name}-list", f"/api/v1/{resource.name}/"),
            public(f"api:{resource.name}-detail", f"/api/v1/{resource.name}/{{api_{resource.name}}}/"),
        )
    ],
]
# fmt: on

# Not pages of the product: Django's admin (tested below) and the language switch of django.conf.urls.i18n.
SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "media/")


def _cells():
    for row in TABLE:
        for role, expected in zip(ROLES, row.expected, strict=True):
            yield pytest.param(row, role, expected, id=f"{row.method}-{row.name}-{role}")


@pytest.fixture
def world(real_data):
    """The objects the path templates point at, looked up by their natural keys in the seed data."""
    ks = Board.objects.get(slug="kommunstyrelsen")
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.kind_from_slug("augusti"))
    case = Case.objects.by_url_key("SLK-2022-00921").get()
    assignment = Assignment.objects.get(dnr="0921/22")
    assert not assignment.addressed_to_all_boards  # else every officer could report on it
    assert set(assignment.responsibilities.values_list("board__slug", flat=True)) == {"kommunstyrelsen"}
    point = next(
        p
        for p in DecisionPoint.objects.select_related("proposal", "motion").order_by("id")
        if (p.proposal and p.proposal.case_id == case.pk) or (p.motion and p.motion.case_id == case.pk)
    )
    estimate = CostEstimate.objects.select_related("board").order_by("id").first()
    assert estimate.board.slug not in ("kommunstyrelsen", OTHER_BOARD)
    statement = FinancialStatement.objects.filter(board=ks, period=period).order_by("id").first()
    # A version stored by an earlier cell (POST reports:publish) must have been rolled back.
    assert not PublishedReport.objects.exists()
    published = PublishedReport(
        board=ks,
        period=period,
        version=1,
        size=9,
        sha256="0" * 64,
        content_sha256="0" * 64,
        published_at=timezone.now(),
    )
    published.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    published.save()
    attachment = attachment_add(
        case=case, data="Tjänsteutlåtande\n".encode(), filename="Tjänsteutlåtande.txt", kind="tjansteutlatande",
        user=roles.SYSTEM,
    )  # fmt: skip
    values = {
        "attachment": attachment.pk,
        "attachment_filename": attachment.filename,
        "assignment": assignment.pk,
        "case": case.url_key,
        "decision": case.decisions.order_by("id").first().pk,
        "point": point.pk,
        "proposal": case.proposals.order_by("id").first().pk,
        "estimate": estimate.pk,
        "statement": statement.pk,
        "version": published.version,
        "meeting": case.decisions.order_by("id").first().meeting_id,
        "period": period.pk,
    }
    for resource in RESOURCES:
        values[f"api_{resource.name}"] = list(resource.queryset()[:1])[0].pk  # a QuerySet, or a list (the Body)
    return {"values": values, "boards": {KS: ks, ESTIMATE: estimate.board}}


def _user_for(role, row, make_user, world):
    if role == "anonym":
        return None
    if role == "lasare":
        return make_user("lasare", roles.READER)
    if role == "politiker":
        return make_user("politiker", roles.POLITICIAN)
    if role == "handlaggare":
        return make_user("handlaggare", roles.OFFICER, boards=[world["boards"][row.owner]])
    if role == "annan_handlaggare":
        return make_user("annan_handlaggare", roles.OFFICER, boards=[Board.objects.get(slug=OTHER_BOARD)])
    if role == "sekretariat":
        return make_user("sekretariat", roles.SECRETARIAT)
    raise AssertionError(role)


def _path(template: str, values: dict) -> str:
    return re.sub(r"\{([\w-]+)\}", lambda m: quote(str(values[m.group(1)]), safe=""), template)


@pytest.mark.parametrize(("row", "role", "expected"), list(_cells()))
def test_permission_matrix(row: Row, role: str, expected, world, make_user):
    path = _path(row.path, world["values"])
    match = resolve(path)
    assert match.view_name == row.name, f"{path} resolves to {match.view_name}, the table says {row.name}"

    client = Client(raise_request_exception=False)
    user = _user_for(role, row, make_user, world)
    if user is not None:
        client.force_login(user)
    response = client.generic(row.method, path, data="", content_type="application/x-www-form-urlencoded")

    if expected == LOGIN:
        assert response.status_code == 302, (path, role, response.status_code)
        assert response["Location"] == f"/logga-in/?next={quote(path)}", response["Location"]
    else:
        assert response.status_code == expected, (path, role, response.status_code)
    assert response.status_code != 500


def test_the_table_has_one_row_per_url_and_method():
    keys = [(row.name, row.method) for row in TABLE]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_the_table_covers_every_url():
    """A URL added to the project without a row here fails this test (and a row for a removed URL too)."""
    routes = [(route, name) for route, name in all_routes() if not route.startswith(SKIPPED_PREFIXES)]
    unnamed = [route for route, name in routes if not name]
    assert not unnamed, f"URL patterns without a name cannot be listed in the table: {unnamed}"
    in_resolver = {name for _route, name in routes}
    read_in_table = {row.name for row in TABLE if row.method == "GET"}
    in_table = {row.name for row in TABLE}
    assert in_resolver - read_in_table == set(), "URLs missing from the permission table"
    assert in_table - in_resolver == set(), "rows for URLs that no longer exist"


# --- writes with the data that asks for them: does the change happen, for whom? ---------------------------------------
# The table above posts empty forms; these rows post a complete one and check the effect, for the
# moves the workflow keeps for the secretariat (assignments.workflow.TRANSITIONS), whichever form asks.
# The assignment (0921/22) is föreslås förklarat fullgjort, with kommunstyrelsen's final report for the period
# (the seed's report, made final and undecided).


@dataclass(frozen=True)
class Write:
    label: str
    name: str
    path: str
    data: dict  # values in {braces} are filled from the world, like paths
    expected: tuple  # one status per role, in ROLES order
    status_after: str  # the assignment's status when the write is allowed; otherwise it stays

    def __post_init__(self):
        assert len(self.expected) == len(ROLES), self


REPORT_DATA = {
    "period": "{period}",
    "board": "{board}",
    "proposes": "complete",
    "text": "Slutredovisning.",
    "version": "{report_version}",
}
Status = Assignment.Status

# fmt: off
WRITES = [
    # An officer may file the report but not record the rejection that sends it back: refused on the form.
    Write("send back by recording the rejection in the report", "assignments:report", "/uppdrag/{assignment}/rapport/",
          {**REPORT_DATA, "decision": "not_approved", "decided_on": "2023-09-27"},
          (LOGIN, 403, 403, 400, 403, 302), Status.IN_PROGRESS),
    Write("the same report without the rejection", "assignments:report", "/uppdrag/{assignment}/rapport/",
          {**REPORT_DATA, "decision": "approved", "decided_on": "2023-09-27"},
          (LOGIN, 403, 403, 302, 403, 302), Status.REPORTED_COMPLETE),
    Write("send back in the status form", "assignments:status", "/uppdrag/{assignment}/status/",
          {"target": Status.IN_PROGRESS, "reason": "Ej godkänd", "version": "{assignment_version}"},
          (LOGIN, 403, 403, 403, 403, 302), Status.IN_PROGRESS),
    Write("declare done in the status form", "assignments:status", "/uppdrag/{assignment}/status/",
          {"target": Status.COMPLETED, "reason": "", "version": "{assignment_version}"},
          (LOGIN, 403, 403, 403, 403, 302), Status.COMPLETED),
]
# fmt: on


def _write_cells():
    for write in WRITES:
        for role, expected in zip(ROLES, write.expected, strict=True):
            yield pytest.param(write, role, expected, id=f"{write.label}-{role}")


@pytest.mark.parametrize(("write", "role", "expected"), list(_write_cells()))
def test_secretariat_only_moves(write: Write, role: str, expected, world, make_user):
    assignment = Assignment.objects.get(pk=world["values"]["assignment"])
    Assignment.objects.filter(pk=assignment.pk).update(status=Status.REPORTED_COMPLETE)
    period = ReportingPeriod.objects.get(year=2023, kind=ReportingPeriod.kind_from_slug("augusti"))
    report, _created = StatusReport.objects.update_or_create(
        assignment=assignment,
        period=period,
        board=world["boards"][KS],
        defaults={"text": "Klart.", "proposes": "complete", "decision": "", "decided_on": None},
    )
    values = {
        **world["values"],
        "period": period.pk,
        "board": world["boards"][KS].pk,
        "report_version": report.version,
        "assignment_version": Assignment.objects.get(pk=assignment.pk).version,
    }
    path = _path(write.path, values)
    assert resolve(path).view_name == write.name
    client = Client(raise_request_exception=False)
    user = _user_for(role, Row(write.name, "POST", write.path, (0,) * 6), make_user, world)
    if user is not None:
        client.force_login(user)
    response = client.post(path, {key: _path(str(value), values) for key, value in write.data.items()})

    if expected == LOGIN:
        assert response.status_code == 302 and response["Location"] == f"/logga-in/?next={quote(path)}"
    else:
        assert response.status_code == expected, (path, role, response.status_code)
    allowed = expected == 302 and role != "anonym"
    assert Assignment.objects.get(pk=assignment.pk).status == (
        write.status_after if allowed else Status.REPORTED_COMPLETE
    )


# --- Django's admin: staff only ---------------------------------------------------------------------------------------

ADMIN_CELLS = [
    ("anonym", 302),
    ("lasare", 302),
    ("politiker", 302),
    ("handlaggare", 302),
    ("annan_handlaggare", 302),
    ("sekretariat", 200),
]


@pytest.mark.parametrize(("role", "expected"), ADMIN_CELLS, ids=[r for r, _ in ADMIN_CELLS])
@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/assignments/assignment/", "/admin/motions/case/add/", "/admin/motions/decision/"],
)
def test_admin_is_only_for_staff(role, expected, path, world, make_user):
    """The secretariat's group holds the model permissions (assignments.roles.grant_secretariat_permissions)."""
    client = Client(raise_request_exception=False)
    user = _user_for(role, Row("admin", "GET", path, (0,) * 6), make_user, world)
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"] == f"/admin/login/?next={quote(path)}"


def test_a_superuser_reaches_the_admin_change_page(world, make_user):
    client = Client()
    client.force_login(make_user("admin", roles.SECRETARIAT, superuser=True))
    assert client.get(f"/admin/assignments/assignment/{world['values']['assignment']}/change/").status_code == 200
