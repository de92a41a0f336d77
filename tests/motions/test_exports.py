"""The comparison of a case's motions as CSV (motions/comparison_views.py), read back as a spreadsheet reads it."""

from tests.core.readback import read_csv


def test_comparison_csv_has_the_proposal_points_and_a_column_per_motion(client, real_data):
    rows = read_csv(client.get("/arenden/SLK-2022-00921/jamfor.csv"))
    headers = rows[0]
    assert headers[:2] == ["Punkt", "Tjänsteutlåtandet"]
    assert len(headers) >= 4 and all(
        h.startswith(("Yrkande", "Tilläggsyrkande", "Ändringsyrkande", "Återremiss")) for h in headers[2:]
    )
    numbered = [row for row in rows[1:] if row[0].isdigit()]
    assert [int(row[0]) for row in numbered] == list(range(1, len(numbered) + 1))
    assert len(numbered) == 12
    assert all(len(row) == len(headers) for row in rows)
    cells = [cell for row in rows[1:] for cell in row[2:]]
    assert any(cell.startswith(("Oförändrad", "Ändrad", "Stryks", "Bifalls i övrigt")) for cell in cells)


def test_comparison_csv_of_an_unknown_case_is_404(client, db):
    assert client.get("/arenden/SLK-1999-00001/jamfor.csv").status_code == 404


def test_comparison_page_links_its_csv_with_the_same_choices(client, real_data):
    # A real id of one of the case's comparable motions: ids differ between databases.
    from motions.comparison import COMPARABLE_KINDS
    from motions.models import Case

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    pk = case.motions.filter(kind__in=COMPARABLE_KINDS).order_by("pk").first().pk
    compare = client.get(f"/arenden/SLK-2022-00921/jamfor/?urval=1&visa={pk}").content.decode()
    assert f'href="/arenden/SLK-2022-00921/jamfor.csv?urval=1&amp;visa={pk}"' in compare
