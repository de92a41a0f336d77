import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from assignments import roles
from assignments.models import Board

DEMO_USERS = [
    # username, role, boards the user is officer of, full name
    ("demo-sekretariat", roles.SECRETARIAT, [], "Demo Sekretariat"),
    ("demo-handlaggare", roles.OFFICER, ["kommunstyrelsen"], "Demo Handläggare"),
    ("demo-politiker", roles.POLITICIAN, [], "Demo Politiker"),
    ("demo-lasare", roles.READER, [], "Demo Läsare"),
]


class Command(BaseCommand):
    help = (
        "Skapar en demoanvändare per roll med slumpade lösenord som visas en gång. "
        "Endast för demodata – kör aldrig mot en produktionsdatabas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-missing", action="store_true", help="Hoppa över användare som redan finns.")

    @transaction.atomic
    def handle(self, *args, if_missing=False, **options):
        User = get_user_model()
        groups = roles.ensure_groups()
        created = []
        for username, role, board_slugs, full_name in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                if if_missing:
                    continue
                User.objects.filter(username=username).delete()
            password = secrets.token_urlsafe(12)
            first, last = full_name.split(" ", 1)
            user = User.objects.create_user(
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                is_staff=role == roles.SECRETARIAT,
            )
            user.groups.add(groups[role])
            for board in Board.objects.filter(slug__in=board_slugs):
                board.officers.add(user)
            created.append((username, role, password))
        if not created:
            self.stdout.write("Demoanvändarna finns redan (lösenorden visades när de skapades).")
            return
        self.stdout.write(self.style.WARNING("Demoanvändare (lösenorden visas bara nu):"))
        for username, role, password in created:
            self.stdout.write(f"  {username:<18} {role:<12} {password}")
