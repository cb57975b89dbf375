"""Events entered before the review workflow were public: keep them so."""

from django.db import migrations


def accept_existing(apps, schema_editor):
    apps.get_model("events", "Event").objects.update(review_status="accepted")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_event_created_by_event_review_comment_and_more")]

    operations = [migrations.RunPython(accept_existing, migrations.RunPython.noop)]
