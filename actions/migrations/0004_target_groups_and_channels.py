"""The target groups and guidance channels a logged action can name (seed 002, issue 4)."""

from django.db import migrations

TARGET_GROUPS = [
    ("nuoret", "Nuoret"),
    ("opiskelijat", "Opiskelijat"),
    ("tyottomat", "Työttömät"),
    ("tyossa-olevat", "Työssä olevat"),
    ("tyovoiman-ulkopuolella", "Työvoiman ulkopuolella olevat"),
    ("maahanmuuttajat", "Maahanmuuttajat"),
    ("ikaantyneet", "Ikääntyneet"),
    ("osatyokykyiset", "Osatyökykyiset"),
    ("tyonantajat", "Työnantajat ja yritykset"),
]
CHANNELS = [
    ("kasvokkain", "Kasvokkain"),
    ("verkossa", "Verkossa"),
    ("puhelimitse", "Puhelimitse"),
    ("ryhmassa", "Ryhmässä"),
]


def add_rows(apps, schema_editor):
    for model_name, rows in (("TargetGroup", TARGET_GROUPS), ("GuidanceChannel", CHANNELS)):
        model = apps.get_model("actions", model_name)
        for position, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("actions", "0003_guidancechannel_targetgroup_goodpractice_proposed_by_and_more")]

    operations = [migrations.RunPython(add_rows, migrations.RunPython.noop)]
