"""The verkställighetsregister's counts and rows: written by a tag byte for byte as the template
block they replace, and cached by the content version ({% fragment_cache %}) without ever being
stale, whichever way the data is written."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from assignments.models import Assignment, Board, ReportingPeriod, StatusReport
from reports.register import build_register
from tests.fragment_checks import html_without_csrf, stored_fragments, ways_of_writing

URL = "/rapporter/verkstallighetsregister/"

pytestmark = pytest.mark.django_db

# The per-row block of reports/_register_table.html before {% register_rows %} replaced it.
OLD_ROWS = """{% load i18n %}{% for row in rows %}{% with assignment=row.assignment report=row.last_report %}
    <tr>
      <th scope="row" class="identifier">{% if pdf %}{{ assignment.dnr }}{% else %}<a href="{{ assignment.get_absolute_url }}">{{ assignment.dnr }}</a>{% endif %}</th>
      <td>
        <p class="register-origin">{{ assignment.origin_reference|default:assignment.get_source_display }}{% if assignment.budget_year and not assignment.origin_date %} ({% translate "budget" %} {{ assignment.budget_year }}){% endif %}{% if row.case %} · {% if pdf %}{% translate "ärende" %} {{ row.case.reference }}{% else %}<a href="{% url 'motions:point' row.case.url_key row.point.pk %}">{% translate "ärende" %} {{ row.case.reference }}, {% translate "punkt" %} {{ row.point.number }}</a>{% endif %}{% endif %}</p>
        <p>{{ assignment.short_text }}</p>
      </td>
      <td>{% if assignment.addressed_to_all_boards %}{% translate "Alla nämnder och styrelser" %}{% if row.boards %}; {% endif %}{% endif %}{% for board in row.boards %}{{ board.short_name|default:board.name }}{% if not forloop.last %}, {% endif %}{% empty %}{% if not assignment.addressed_to_all_boards %}–{% endif %}{% endfor %}</td>
      <td><span class="status status--{{ assignment.status }}">{{ assignment.get_status_display }}</span></td>
      <td>{% if report %}{{ report.period }}<br><span class="muted">{{ report.get_proposes_display }}, {{ report.board.short_name|default:report.board.name }}</span>{% else %}<span class="flag flag--missing">{% translate "Ingen rapport" %}</span>{% endif %}</td>
      <td class="register-deadline">{% if assignment.deadline %}{{ assignment.deadline|date:"Y-m-d" }}{% if row.overdue %} <span class="flag flag--overdue">{% translate "passerat" %}</span>{% endif %}{% elif assignment.deadline_note %}<span class="muted">{{ assignment.deadline_note }}</span>{% else %}–{% endif %}</td>
    </tr>
  {% endwith %}{% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("pdf", [False, True])
def test_the_tag_writes_what_the_template_block_wrote(real_data, pdf):
    first = Assignment.objects.order_by("id").first()
    # Every branch: a deadline passed, a note without a deadline, no boards, a budget year, odd characters.
    Assignment.objects.filter(pk=first.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=3), status=Assignment.Status.IN_PROGRESS
    )
    second = Assignment.objects.exclude(pk=first.pk).order_by("id").first()
    Assignment.objects.filter(pk=second.pk).update(deadline=None, deadline_note='Senast <"2025"> & klart')
    register = build_register(today=timezone.localdate())
    rows = register.rows(register.assignments())
    assert len(rows) == Assignment.objects.count()
    old = Template(OLD_ROWS).render(Context({"rows": rows, "pdf": pdf}))
    new = Template("{% load register_tags %}{% register_rows rows pdf %}").render(Context({"rows": rows, "pdf": pdf}))
    assert new == old
    assert "&lt;&quot;2025&quot;&gt; &amp; klart" in new and "flag--overdue" in new


def _html(client, path=URL) -> str:
    response = client.get(path)
    return html_without_csrf(response)


def test_a_second_visit_is_served_from_the_fragment_and_shows_the_same(real_data, client, settings):
    first = _html(client)
    assert stored_fragments() == 1
    assert _html(client) == first
    settings.FRAGMENT_CACHE = False
    assert _html(client) == first


def _writes(text):
    return ways_of_writing("text", text)


@pytest.mark.parametrize("way", ["save", "update", "raw-sql"])
def test_every_way_of_writing_a_row_shows_at_once(real_data, client, way):
    assignment = Assignment.objects.order_by("id").first()
    assert "registerbrytare" not in _html(client)
    _writes("Nytt ord: registerbrytare.")[way](assignment)
    assert "registerbrytare" in _html(client)


def test_a_bulk_inserted_report_and_a_renamed_board_show_at_once(real_data, client):
    assignment = Assignment.objects.filter(status_reports__isnull=False).order_by("id").first()
    path = f"{URL}?ar={assignment.origin_date.year if assignment.origin_date else assignment.budget_year}"
    before = _html(client, path)
    board = Board.objects.bulk_create([Board(slug="ny-namnd", name="Nya nämnden", short_name="NYNAMND")])[0]
    period = ReportingPeriod.objects.order_by("-year", "-kind").first()
    StatusReport.objects.filter(assignment=assignment).delete()
    StatusReport.objects.bulk_create(
        [StatusReport(assignment=assignment, period=period, board=board, text="Pågår.", proposes="partial")]
    )
    after = _html(client, path)
    assert "NYNAMND" in after and "NYNAMND" not in before
    Board.objects.filter(pk=board.pk).update(short_name="OMDOPT")
    assert "OMDOPT" in _html(client, path)


def test_the_cached_counts_and_rows_cost_no_queries(real_data, client, django_assert_max_num_queries):
    _html(client)
    # Session, content version and the filter form's bodies; none of the register's own.
    with django_assert_max_num_queries(3):
        _html(client)


def test_another_day_has_its_own_fragment(real_data, client, monkeypatch):
    first = Assignment.objects.order_by("id").first()
    deadline = timezone.localdate() - datetime.timedelta(days=1)
    Assignment.objects.filter(pk=first.pk).update(deadline=deadline, status=Assignment.Status.IN_PROGRESS)
    today = _html(client)
    earlier = timezone.localdate() - datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: earlier)
    assert _html(client).count("flag--overdue") == today.count("flag--overdue") - 1
