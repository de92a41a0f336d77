"""The opt-out page: login required, shows and saves the user's choice."""

from notifications.models import NotificationPreference


def test_anonymous_is_sent_to_login(client, db):
    response = client.get("/konto/aviseringar/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logga-in/")


def test_officer_sees_defaults_and_opts_out(client, make_user):
    user = make_user("handlaggare2", "handläggare")
    client.force_login(user)
    html = client.get("/konto/aviseringar/").content.decode()
    assert 'name="new_assignments"' in html and "checked" in html
    assert '<label for="id_new_assignments"' in html
    response = client.post("/konto/aviseringar/", {"report_reminders": "on"}, follow=True)
    assert "Dina val om e-post är sparade." in response.content.decode()
    preference = NotificationPreference.objects.get(user=user)
    assert not preference.new_assignments and preference.report_reminders


def test_the_choices_are_linked_from_every_page_when_logged_in(client, make_user):
    assert 'href="/konto/aviseringar/"' not in client.get("/").content.decode()
    client.force_login(make_user("handlaggare3", "handläggare"))
    assert 'href="/konto/aviseringar/"' in client.get("/").content.decode()
