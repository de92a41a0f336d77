"""The assignment page's facts and its timeline with the change history are cached by the content
version ({% fragment_cache %}): the cached page is byte for byte the uncached one, for every role
and language, a cached page builds neither the timeline nor the history, and no way of writing the
data (ORM save, update(), bulk_create, raw SQL, a board renamed) ever shows a stale page."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

import assignments.views
from assignments import roles, services
from assignments.history import assignment_history
from assignments.links import origin_links
from assignments.models import Assignment, Board, ReportingPeriod, Responsibility, StatusReport
from assignments.timeline import build_timeline
from tests.fragment_checks import html_without_csrf, stored_fragments

from .conftest import add_report

ROLES = ("anonymous", "reader", "officer", "secretariat")


def _html(client, assignment, language="sv") -> str:
    response = client.get(assignment.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language)
    return html_without_csrf(response)


@pytest.fixture
def seeded(real_data, make_user, settings):
    """A seed assignment that came from a decision point, with reports of two periods by its lead
    board (a word diff), a board decision, a status change with a reason and an edit in its history."""
    settings.PAGE_CACHE = False  # the anonymous page too is rendered by the view, not the page cache
    assignment = Assignment.objects.filter(decision_points__isnull=False, responsibilities__isnull=False).first()
    board = assignment.responsibilities.order_by("-is_lead", "id").first().board
    officer = make_user("detaljhandl", roles.OFFICER, boards=[board])
    mars = ReportingPeriod.objects.get_or_create(year=2031, kind=ReportingPeriod.Kind.MARS)[0]
    augusti = ReportingPeriod.objects.get_or_create(year=2031, kind=ReportingPeriod.Kind.AUGUSTI)[0]
    add_report(assignment, mars, board, text="Arbetet har börjat.\n\nEn första <utredning> & plan.", author=officer)
    add_report(
        assignment,
        augusti,
        board,
        text="Arbetet pågår.\n\nUtredningen är klar.",
        decision=StatusReport.Decision.APPROVED,
        decided_on=datetime.date(2031, 9, 1),
    )
    assignment.refresh_from_db()
    assignment.deadline = timezone.localdate() - datetime.timedelta(days=1)
    assignment.deadline_note = "Enligt beslut"
    assignment.save()
    secretariat = make_user("detaljsekr", roles.SECRETARIAT)
    if assignment.status != Assignment.Status.IN_PROGRESS:
        Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.NOT_STARTED)
        assignment.refresh_from_db()
        services.assignment_status_change(
            assignment=assignment,
            target=Assignment.Status.IN_PROGRESS,
            user=secretariat,
            reason="Arbetet har kommit igång.",
            expected_version=assignment.version,
        )
    assignment.refresh_from_db()
    users = {"reader": make_user("detaljlas", roles.READER), "officer": officer, "secretariat": secretariat}
    clients = {"anonymous": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return assignment, board, clients


# The per-row blocks of assignments/detail.html before {% timeline_events %} and {% history_entries %}.
OLD_TIMELINE = """{% load i18n %}    {% for event in timeline %}
    <li class="timeline__event timeline__event--{{ event.kind }}"{% if event.anchor %} id="{{ event.anchor }}"{% endif %}>
      <p class="timeline__date"><time datetime="{{ event.date|date:'Y-m-d' }}">{{ event.date|date:"Y-m-d" }}</time></p>
      <h3 class="timeline__title">{{ event.title }}</h3>
      {% for link in event.links %}<p><a href="{{ link.url }}">{{ link.label }}</a></p>{% endfor %}
      {% if event.text %}<div class="timeline__text">{{ event.text|linebreaks }}</div>{% endif %}
      {% if event.diff_from %}
      <details class="report-diff">
        <summary>{% blocktranslate with period=event.diff_from.period %}Vad som ändrats sedan {{ period }}{% endblocktranslate %}</summary>
        <p class="muted">{% translate "Borttagen text är överstruken och markerad som borttagen, ny text understruken och markerad som infogad." %}</p>
        <p class="word-diff">{{ event.diff }}</p>
      </details>
      {% endif %}
      {% if event.who %}<p class="muted">{% blocktranslate with who=event.who %}Av {{ who }}{% endblocktranslate %}</p>{% endif %}
      {% if event.report and can_edit and assignment.status != "completed" %}<p><a href="{% url 'assignments:report' assignment.pk %}?period={{ event.report.period_id }}&amp;namnd={{ event.report.board_id }}">{% translate "Redigera rapporten" %}<span class="visually-hidden"> {{ event.title }}</span></a></p>{% endif %}
    </li>
    {% endfor %}"""  # noqa: E501
NEW_TIMELINE = "{% load assignment_tags %}    {% timeline_events timeline assignment can_edit %}"
NEW_HISTORY = "{% load assignment_tags %}    {% history_entries history %}"
OLD_HISTORY = """{% load i18n %}    {% for entry in history %}
    <li>
      <p><time datetime="{{ entry.when|date:'c' }}">{{ entry.when|date:"Y-m-d H:i" }}</time> · {{ entry.user }} · {{ entry.kind }}: {{ entry.subject }}{% if entry.reason %} – <em>{{ entry.reason }}</em>{% endif %}</p>
      {% if entry.changes %}
      <table class="table history__changes">
        <caption class="visually-hidden">{% translate "Ändrade fält" %}</caption>
        <thead><tr><th scope="col">{% translate "Fält" %}</th><th scope="col">{% translate "Före" %}</th><th scope="col">{% translate "Efter" %}</th></tr></thead>
        <tbody>{% for change in entry.changes %}<tr><th scope="row">{{ change.label }}</th><td>{{ change.old|truncatechars:300 }}</td><td>{{ change.new|truncatechars:300 }}</td></tr>{% endfor %}</tbody>
      </table>
      {% endif %}
    </li>
    {% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("can_edit", [True, False])
def test_the_tags_write_what_the_template_blocks_wrote(seeded, language, can_edit):
    assignment, board, _clients = seeded
    # Odd characters in every value the rows show; a change longer than the 300 characters shown.
    report = assignment.status_reports.order_by("id").last()
    report.text = "Ny <b>text</b> & \"citat\" 'apostrof'\n\nStycke två " + "lång " * 80
    report.save()
    Board.objects.filter(pk=board.pk).update(short_name='K&S <"x">')
    get_user_model().objects.filter(username="detaljsekr").update(first_name="Ann <&>")
    assignment = Assignment.objects.for_detail().get(pk=assignment.pk)
    links = origin_links([assignment.pk])[assignment.pk]
    timeline, history = build_timeline(assignment, links), assignment_history(assignment)
    assert links and any(event.diff_from for event in timeline) and any(event.report for event in timeline)
    assert any(entry.reason for entry in history) and any(len(c.new) > 300 for e in history for c in e.changes)
    context = {"timeline": timeline, "history": history, "assignment": assignment, "can_edit": can_edit}
    with translation.override(language):
        old_timeline = Template(OLD_TIMELINE).render(Context(context))
        new_timeline = Template(NEW_TIMELINE).render(Context(context))
        old_history = Template(OLD_HISTORY).render(Context(context))
        new_history = Template(NEW_HISTORY).render(Context(context))
        edit_link = translation.gettext("Redigera rapporten")
    assert new_timeline == old_timeline
    assert new_history == old_history
    assert "Ann &lt;&amp;&gt;" in new_timeline and "Ann &lt;&amp;&gt;" in new_history
    assert "K&amp;S &lt;&quot;x&quot;&gt;" in new_timeline and (edit_link in new_timeline) == can_edit


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_cached_page_is_the_uncached_page_for_every_role(seeded, settings, language):
    assignment, _board, clients = seeded
    settings.FRAGMENT_CACHE = False
    uncached = {role: _html(clients[role], assignment, language) for role in ROLES}
    assert "timeline__event--report" in uncached["reader"] and "report-diff" in uncached["reader"]
    assert "history__changes" in uncached["reader"] and "origin__passage" in uncached["reader"]
    # The officer of the lead board and the secretariat may edit the reports; the others may not.
    assert "?period=" in uncached["officer"] and "?period=" in uncached["secretariat"]
    assert "?period=" not in uncached["reader"] and "?period=" not in uncached["anonymous"]
    settings.FRAGMENT_CACHE = True
    for _round in ("miss", "hit"):
        for role in ROLES:
            assert _html(clients[role], assignment, language) == uncached[role], role
    # The facts are shared by everyone; the timeline and history by those who may edit and those who may not.
    assert stored_fragments() == 3


def test_a_cached_page_builds_neither_timeline_nor_history(seeded, monkeypatch, django_assert_max_num_queries):
    assignment, _board, clients = seeded
    first = _html(clients["secretariat"], assignment)

    def refuse(*args, **kwargs):
        raise AssertionError("built although cached")

    for name in ("build_timeline", "assignment_history", "origin_links", "origin_passages"):
        monkeypatch.setattr(assignments.views, name, refuse)
    # Session, user, content version, the assignment and its boards, the secretariat's groups and
    # the status changes its status form looks at: nothing of the cached sections.
    with django_assert_max_num_queries(7):
        assert _html(clients["secretariat"], assignment) == first


def test_each_language_and_day_has_its_own_fragments(seeded, monkeypatch):
    assignment, _board, clients = seeded
    swedish = _html(clients["reader"], assignment)
    assert "flag--overdue" in swedish and stored_fragments() == 2
    english = _html(clients["reader"], assignment, "en")
    assert english != swedish and stored_fragments() == 4
    # Two days earlier the deadline has not passed yet: another day's fragment is not reused.
    earlier = timezone.localdate() - datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: earlier)
    assert "flag--overdue" not in _html(clients["reader"], assignment)
    assert stored_fragments() == 6


def _report_writes(report, text):
    return {
        "save": lambda: (setattr(report, "text", text), report.save()),
        "update": lambda: StatusReport.objects.filter(pk=report.pk).update(text=text),
        "raw-sql": lambda: connection.cursor().execute(
            "UPDATE assignments_statusreport SET text = %s WHERE id = %s", [text, report.pk]
        ),
    }


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
@pytest.mark.parametrize("role", ["reader", "officer"])
def test_every_way_of_writing_a_report_shows_at_once(seeded, way, role):
    assignment, _board, clients = seeded
    before = _html(clients[role], assignment)
    assert "fragmentbrytare" not in before
    report = assignment.status_reports.order_by("id").last()
    _report_writes(report, "Nytt ord: fragmentbrytare.")[way]()
    after = _html(clients[role], assignment)
    assert "Nytt ord: fragmentbrytare." in after
    if way == "save":  # a save is recorded in the change history too
        assert after.count("fragmentbrytare") == before.count("fragmentbrytare") + 3  # timeline, diff, history


def test_a_bulk_created_report_and_a_renamed_board_show_at_once(seeded):
    assignment, board, clients = seeded
    before = _html(clients["reader"], assignment)
    period = ReportingPeriod.objects.get_or_create(year=2032, kind=ReportingPeriod.Kind.MARS)[0]
    StatusReport.objects.bulk_create(
        [
            StatusReport(
                assignment=assignment, period=period, board=board, text="Massinlagd rapport.", proposes="partial"
            )
        ]
    )
    after = _html(clients["reader"], assignment)
    assert "Massinlagd rapport." in after and "Massinlagd rapport." not in before
    # The board's name in the facts, its short name in the timeline's titles.
    Board.objects.filter(pk=board.pk).update(name="Omdöpta nämnden", short_name="OMDOPT")
    renamed = _html(clients["reader"], assignment)
    assert "Omdöpta nämnden</a>" in renamed and "från OMDOPT" in renamed


def test_a_board_added_elsewhere_and_an_edit_of_the_assignment_show_at_once(seeded):
    assignment, _board, clients = seeded
    _html(clients["reader"], assignment)
    new_board = Board.objects.bulk_create([Board(slug="ny-namnd", name="Helt ny nämnd", short_name="HNN")])[0]
    Responsibility.objects.bulk_create([Responsibility(assignment=assignment, board=new_board)])
    assert "Helt ny nämnd" in _html(clients["reader"], assignment)
    assignment.refresh_from_db()
    assignment.text = "En ny lydelse av uppdraget."
    assignment.save()
    page = _html(clients["reader"], assignment)
    # The text in the facts, and the edit in the change history (before → after).
    assert '<p class="assignment-text">En ny lydelse av uppdraget.</p>' in page
    assert "<td>En ny lydelse av uppdraget.</td>" in page


def test_the_edit_links_follow_the_role_not_the_fragment_first_cached(seeded):
    assignment, _board, clients = seeded
    assert "?period=" in _html(clients["officer"], assignment)
    assert "?period=" not in _html(clients["reader"], assignment)
    assert "?period=" not in _html(clients["anonymous"], assignment)
    assert "?period=" in _html(clients["secretariat"], assignment)


def test_without_a_content_version_nothing_is_cached(seeded, monkeypatch):
    assignment, _board, clients = seeded
    monkeypatch.setattr(assignments.views, "request_content_version", lambda request, *tables: None)
    first = _html(clients["reader"], assignment)
    assert stored_fragments() == 0
    assert _html(clients["reader"], assignment) == first
