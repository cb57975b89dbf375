"""Reference data every deployment has: the goals of the national lifelong-guidance strategy.

Migration ``strategy.0003_national_goals`` writes them; ``load_demo`` writes them again, which
changes nothing on a migrated database (see ``network.reference`` for the writers' rules).
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from network.reference import upsert


@dataclass(frozen=True)
class NationalGoalData:
    number: int
    title: str
    description: str = ""


# Seed 003, slide "Elinikäisen ohjauksen strategian tavoitteet" (OCR letters fixed). The slide
# shows six goals; the strategy's key-measures table groups them under five labels, joining
# "Laadukkaasti" and "Yhdenvertaisesti ja kestävästi", and the portal keeps those five (the
# regions' focus areas link to them by number). The slide sets one sentence beside each goal;
# only sentences that read whole are kept:
# - 2: the slide's "Laadukkaasti" sentence (003 repeats it on the VN-TEAS slide). The
#   sentence beside "Yhdenvertaisesti ja kestävästi" loses a word to the OCR ("yh}e?_styb"),
#   so it is left out.
# - 3 and 4: the first sentence only; the rest of each is unreadable.
# - 5: the first sentence ("Ohjauksen järjestämistä ... tietoon.") is unreadable; the second
#   is kept.
NATIONAL_GOALS: tuple[NationalGoalData, ...] = (
    NationalGoalData(
        1,
        "Saavutettavasti ja asiakaslähtöisesti",
        "Jokaisella on mahdollisuudet ja taidot tehdä tietoisesti suunnitelmia sekä koulutus- "
        "ja työurapäätöksiä muuttuvassa työn maailmassa.",
    ),
    NationalGoalData(
        2,
        "Laadukkaasti ja yhdenvertaisesti",
        "Ohjaustyötä tekevillä on valmiudet ja osaaminen laadukkaaseen monikanavaiseen "
        "ohjaustyöhön.",
    ),
    NationalGoalData(
        3,
        "Digitaalisesti",
        "Toimiva jatkuvan oppimisen digitaalinen palvelukokonaisuus, jossa ohjaus ja "
        "urasuunnittelunäkökulma ovat keskiössä.",
    ),
    NationalGoalData(
        4,
        "Monialaisesti ja koordinoidusti",
        "Ohjausta toteuttavien sektoreiden yhteistyö on sujuvaa ja työnjako selvää.",
    ),
    NationalGoalData(
        5,
        "Tietoon perustuen",
        "Kansallisella, sektorirajat ylittävällä palvelujen ja vaikuttavuuden seurannalla "
        "voidaan tehostaa tiedolla johtamista sekä paikallisesti että kansallisesti.",
    ),
)


def write_national_goals(national_goal_model: type[models.Model]) -> dict[int, Any]:
    """Write the national goals; return them by number."""
    return {
        data.number: upsert(
            national_goal_model,
            {"number": data.number},
            {"title": data.title, "description": data.description},
        )
        for data in NATIONAL_GOALS
    }
