import django.utils.timezone
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def date_from_the_assignment(apps, schema_editor):
    """The boards there are were given their assignments when these were created, as far as we know.

    Dating them at the migration instead would make every one look newly given, and the next run
    of send_notices would e-mail all handläggare about all their assignments.
    """
    Assignment = apps.get_model("assignments", "Assignment")
    Responsibility = apps.get_model("assignments", "Responsibility")
    Responsibility.objects.update(
        created_at=Subquery(Assignment.objects.filter(pk=OuterRef("assignment_id")).values("created_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assignments", "0003_backfill_status_changes"),
    ]

    operations = [
        migrations.AddField(
            model_name="responsibility",
            name="created_at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False, verbose_name="tilldelat"
            ),
        ),
        migrations.RunPython(date_from_the_assignment, migrations.RunPython.noop),
    ]
