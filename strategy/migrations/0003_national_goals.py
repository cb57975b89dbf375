"""The national strategy's goals as the portal first kept them: five labels, "Laadukkaasti ja
yhdenvertaisesti" joining two of the six (``0010_national_strategy`` parts them).

The rows are written here as they were, not through ``strategy.reference``, so that a new
database passes through the same states as one made before the six goals.
"""

from django.db import migrations

FIRST_GOALS = (
    (
        1,
        "Saavutettavasti ja asiakaslähtöisesti",
        "Jokaisella on mahdollisuudet ja taidot tehdä tietoisesti suunnitelmia sekä koulutus- "
        "ja työurapäätöksiä muuttuvassa työn maailmassa.",
    ),
    (
        2,
        "Laadukkaasti ja yhdenvertaisesti",
        "Ohjaustyötä tekevillä on valmiudet ja osaaminen laadukkaaseen monikanavaiseen "
        "ohjaustyöhön.",
    ),
    (
        3,
        "Digitaalisesti",
        "Toimiva jatkuvan oppimisen digitaalinen palvelukokonaisuus, jossa ohjaus ja "
        "urasuunnittelunäkökulma ovat keskiössä.",
    ),
    (
        4,
        "Monialaisesti ja koordinoidusti",
        "Ohjausta toteuttavien sektoreiden yhteistyö on sujuvaa ja työnjako selvää.",
    ),
    (
        5,
        "Tietoon perustuen",
        "Kansallisella, sektorirajat ylittävällä palvelujen ja vaikuttavuuden seurannalla "
        "voidaan tehostaa tiedolla johtamista sekä paikallisesti että kansallisesti.",
    ),
)


def add_goals(apps, schema_editor):
    goal_model = apps.get_model("strategy", "NationalGoal")
    for number, title, description in FIRST_GOALS:
        goal_model.objects.update_or_create(
            number=number, defaults={"title": title, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("strategy", "0002_historicalfocusarea_and_more")]

    operations = [migrations.RunPython(add_goals, migrations.RunPython.noop)]
