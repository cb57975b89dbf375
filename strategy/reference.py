"""Reference data every deployment has: the national lifelong-guidance strategy 2020-2023,
its six goals and its nine key measures (seed 003).

The strategy's title, its goals' and its measures' titles are names: each is given in Swedish
and English too (migration ``strategy.0012_national_strategy_names_in_swedish_and_english``
fills them on an existing database). The ministries published the strategy in English as the
"Strategy for Lifelong Guidance 2020-2023"; the Swedish wording follows Finland's public
sector terms (livslång vägledning, arbets- och näringsförvaltningen, studiehandledning).
The descriptions are the slides' sentences, content rather than names: they stay Finnish.

Migration ``strategy.0010_national_strategy`` writes them; ``load_demo`` writes them again,
which changes nothing on a migrated database (see ``network.reference`` for the writers'
rules).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models

from network.reference import fill_translations, translation_values, upsert, write_row


@dataclass(frozen=True)
class NationalGoalData:
    number: int
    title: str
    title_sv: str
    title_en: str
    description: str = ""


@dataclass(frozen=True)
class KeyMeasureData:
    number: int
    title: str
    title_sv: str
    title_en: str
    goals: tuple[int, ...]
    policy_area: str
    # "": the seed's table names no ministry for the measure; the page says "not known".
    responsible: str
    funding: str
    start_year: int
    # The word in parentheses after the funding ("esitetään", "esitetty", "myönnetty");
    # "unknown" where the table gives none.
    status: str


NATIONAL_STRATEGY: dict[str, Any] = {
    "title": "Elinikäisen ohjauksen strategia",
    "start_year": 2020,
    "end_year": 2023,
    "published_on": dt.date(2020, 12, 3),
    "description": (
        "Elinikäisen ohjauksen strategia tarkastelee laajasti ohjauksen ja koulutus- ja "
        "urasuunnittelun kokonaisuutta vauvasta vaariin."
    ),
}
NATIONAL_STRATEGY_NAMES = {
    "title_sv": "Strategi för livslång vägledning",
    "title_en": "Strategy for Lifelong Guidance",
}


# Seed 003, slide "Elinikäisen ohjauksen strategian tavoitteet" (OCR letters fixed): six goals,
# each with the sentence the slide sets beside it. Numbers 1-5 are the goals the portal had
# before (regions' links keep them); "Yhdenvertaisesti ja kestävästi", once merged into
# "Laadukkaasti ja yhdenvertaisesti", is 6. Where a sentence runs on unreadably only its
# readable part is kept:
# - 2: the slide's sentence is broken by the columns beside it; the VN-TEAS slide of the same
#   deck gives it whole ("valmiudet ja osaaminen laadukkaaseen monikanavaiseen ohjaustyöhön").
# - 3 and 4: the first sentence only.
# - 5: the first sentence ("Ohjauksen järjestämistä ... tietoon.") is unreadable; the second
#   is kept.
NATIONAL_GOALS: tuple[NationalGoalData, ...] = (
    NationalGoalData(
        1,
        "Saavutettavasti ja asiakaslähtöisesti",
        "Tillgängligt och kundorienterat",
        "Accessible and customer-oriented",
        "Jokaisella on mahdollisuudet ja taidot tehdä tietoisesti suunnitelmia sekä koulutus- "
        "ja työurapäätöksiä muuttuvassa työn maailmassa.",
    ),
    NationalGoalData(
        2,
        "Laadukkaasti",
        "Högklassigt",
        "High-quality",
        "Ohjaustyötä tekevillä on valmiudet ja osaaminen laadukkaaseen monikanavaiseen "
        "ohjaustyöhön.",
    ),
    NationalGoalData(
        3,
        "Digitaalisesti",
        "Digitalt",
        "Digital",
        "Toimiva jatkuvan oppimisen digitaalinen palvelukokonaisuus, jossa ohjaus ja "
        "urasuunnittelunäkökulma ovat keskiössä.",
    ),
    NationalGoalData(
        4,
        "Monialaisesti ja koordinoidusti",
        "Sektorsövergripande och samordnat",
        "Multisectoral and coordinated",
        "Ohjausta toteuttavien sektoreiden yhteistyö on sujuvaa ja työnjako selvää.",
    ),
    NationalGoalData(
        5,
        "Tietoon perustuen",
        "Kunskapsbaserat",
        "Knowledge-based",
        "Kansallisella, sektorirajat ylittävällä palvelujen ja vaikuttavuuden seurannalla "
        "voidaan tehostaa tiedolla johtamista sekä paikallisesti että kansallisesti.",
    ),
    NationalGoalData(
        6,
        "Yhdenvertaisesti ja kestävästi",
        "Jämlikt och hållbart",
        "Equal and sustainable",
        "Ohjaus edistää tasa-arvoista, oikeudenmukaista ja monimuotoista yhteiskuntaa ja "
        "hyvinvointia Suomessa.",
    ),
)

#: The label the key-measures table uses for goals 2 and 6 together; the portal called goal 2
#: so before the six goals were kept apart.
JOINT_LABEL = "Laadukkaasti ja yhdenvertaisesti"


# Seed 003, slide "Keskeiset toimenpiteet hallituskaudelle": one row a measure, in the table's
# order. The table's goal "Laadukkaasti ja yhdenvertaisesti" is goals 2 and 6. Its first row
# names no ministry; its last gives no status.
KEY_MEASURES: tuple[KeyMeasureData, ...] = (
    KeyMeasureData(
        1,
        "Uraohjauksen kehittäminen TE-hallinnossa (Pohjoismainen malli)",
        "Utveckling av karriärvägledningen inom arbets- och näringsförvaltningen "
        "(den nordiska modellen)",
        "Developing career guidance in the employment and economic development "
        "administration (Nordic model)",
        (1,),
        "Työllisyystoimet",
        "",
        "Kansallinen budjetti",
        2021,
        "to_be_proposed",
    ),
    KeyMeasureData(
        2,
        "Opinto-ohjauksen kehittämisohjelma ja resurssit",
        "Utvecklingsprogrammet för studiehandledning och dess resurser",
        "Development programme for study guidance and its resources",
        (1,),
        "Oppivelvollisuus",
        "OKM",
        "Kansallinen",
        2020,
        "granted",
    ),
    KeyMeasureData(
        3,
        "Urasuunnittelutaitojen kehittäminen ja työssäolevien proaktiivinen ohjaus",
        "Utveckling av karriärplaneringsfärdigheter och proaktiv vägledning för dem som arbetar",
        "Developing career management skills and proactive guidance for people in work",
        (1,),
        "Jatkuva oppiminen / TYÖ2030",
        "OKM, TEM, STM",
        "RRF",
        2021,
        "proposed",
    ),
    KeyMeasureData(
        4,
        "Ohjaajakoulutusten kokonaisarviointi ja kompetenssit",
        "Helhetsutvärdering av vägledarutbildningarna och vägledarnas kompetenser",
        "Overall evaluation of guidance practitioner training and practitioners' competences",
        (2, 6),
        "Elinikäinen ohjaus",
        "OKM, TEM",
        "VN-TEAS",
        2021,
        "to_be_proposed",
    ),
    KeyMeasureData(
        5,
        "Ohjaajien täydennyskoulutukset",
        "Fortbildning för vägledare",
        "Continuing training for guidance practitioners",
        (2, 6),
        "Jatkuva oppiminen / työllisyys",
        "OKM, TEM, OPH",
        "RRF, ESR+",
        2022,
        "proposed",
    ),
    KeyMeasureData(
        6,
        "Jatkuvan oppimisen digitaalinen palvelukokonaisuus",
        "Den digitala servicehelheten för kontinuerligt lärande",
        "Digital service package for continuous learning",
        (3,),
        "Jatkuva oppiminen / työllisyys",
        "OKM, TEM, KEHA, OPH",
        "RRF",
        2020,
        "proposed",
    ),
    KeyMeasureData(
        7,
        "Monialaisen ohjauksen kehittäminen (tukirakenne, lainsäädäntö, kehittämistoimet)",
        "Utveckling av sektorsövergripande vägledning (stödstruktur, lagstiftning, "
        "utvecklingsåtgärder)",
        "Developing multisectoral guidance (support structure, legislation, development measures)",
        (4,),
        "Nuoret / Työllisyys / Jatkuva oppiminen / Sote",
        "TEM, OKM, STM, KEHA, OPH",
        "Kansallinen, ESR+",
        2021,
        "granted",
    ),
    KeyMeasureData(
        8,
        "Elinikäisen ohjauksen koordinaatio",
        "Samordning av livslång vägledning",
        "Coordination of lifelong guidance",
        (4,),
        "Työllisyyden ja jatkuvan oppimisen palvelukeskus",
        "OKM, TEM, OPH",
        "Kansallinen + RRF",
        2021,
        "proposed",
    ),
    KeyMeasureData(
        9,
        "Ohjauksen laadun ja strategian toteutumisen seuranta",
        "Uppföljning av vägledningens kvalitet och strategins genomförande",
        "Monitoring the quality of guidance and the implementation of the strategy",
        (5,),
        "Julkisen hallinnon strategia",
        "OKM, TEM, STM",
        "RRF; osana muuta työtä",
        2021,
        "unknown",
    ),
)


def write_national_strategy(
    strategy_model: type[models.Model],
    goal_model: type[models.Model],
    measure_model: type[models.Model],
) -> tuple[Any, dict[int, Any], dict[int, Any]]:
    """Write the national strategy, its goals and key measures; return the strategy and the
    goals and measures by number."""
    national, _ = write_row(
        strategy_model,
        {"title": NATIONAL_STRATEGY["title"], "start_year": NATIONAL_STRATEGY["start_year"]},
        {
            **{
                key: value
                for key, value in NATIONAL_STRATEGY.items()
                if key not in ("title", "start_year")
            },
            **translation_values(strategy_model, **NATIONAL_STRATEGY_NAMES),
        },
    )
    goals = {
        data.number: upsert(
            goal_model,
            {"number": data.number},
            {
                "title": data.title,
                **translation_values(goal_model, title_sv=data.title_sv, title_en=data.title_en),
                "description": data.description,
                "national_strategy": national,
            },
        )
        for data in NATIONAL_GOALS
    }
    measures = {}
    for data in KEY_MEASURES:
        measure = upsert(
            measure_model,
            {"national_strategy": national, "number": data.number},
            {
                "title": data.title,
                **translation_values(measure_model, title_sv=data.title_sv, title_en=data.title_en),
                "policy_area": data.policy_area,
                "responsible": data.responsible,
                "funding": data.funding,
                "start_year": data.start_year,
                "status": data.status,
            },
        )
        wanted = {goals[number].pk for number in data.goals}
        if set(measure.goals.values_list("pk", flat=True)) != wanted:
            measure.goals.set(wanted)
        measures[data.number] = measure
    return national, goals, measures


def fill_national_strategy_names(
    strategy_model: type[models.Model],
    goal_model: type[models.Model],
    measure_model: type[models.Model],
) -> int:
    """Give the national strategy, its goals and key measures already written their Swedish
    and English titles (``network.reference.fill_translations``); return how many titles
    were written."""
    national = strategy_model._default_manager.filter(start_year=NATIONAL_STRATEGY["start_year"])
    written = fill_translations(
        national, "title", NATIONAL_STRATEGY["title"], NATIONAL_STRATEGY_NAMES
    )
    for goal in NATIONAL_GOALS:
        written += fill_translations(
            goal_model._default_manager.filter(number=goal.number),
            "title",
            goal.title,
            {"title_sv": goal.title_sv, "title_en": goal.title_en},
        )
    for measure in KEY_MEASURES:
        written += fill_translations(
            measure_model._default_manager.filter(
                national_strategy__in=national, number=measure.number
            ),
            "title",
            measure.title,
            {"title_sv": measure.title_sv, "title_en": measure.title_en},
        )
    return written
