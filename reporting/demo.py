# ruff: noqa: RUF001 (the seed writes en dashes; its text is kept as written)
"""The reporting framework and the regions' 2016 reports, as seed 001 gives them.

Seed 001 is the national summary of the regions' reports on 2016 ("ELY-keskusten raportointi
vuoden 2016 toiminnasta - yhteenvetoa", Kettunen & Vuorinen, 8.6.2017): four themes, their
sub-themes, each sub-theme's ladder of levels, and under each level the activities reported,
with the reporting regions in parentheses. ``load_reporting_demo`` turns it into the
framework (Theme, SubTheme, Level) and into one accepted 2016 report per region it names.

Activities the seed lists without a region cannot be given to any report: they are kept in
the data below, as the seed writes them, but not loaded.

Running the loader again changes nothing: every row is looked up by its natural key and
only saved when a value differs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from io import TextIOBase
from typing import Any

from django.db import models, transaction
from django.utils.text import slugify

from network.models import Region
from reporting.models import AnnualReport, Answer, Level, ReportingYear, SubTheme, Theme

logger = logging.getLogger(__name__)

#: The year seed 001 reports on, and the year the network reports on next.
SEED_YEAR = 2016
NEXT_YEAR = 2021

#: The seed names the whole framework as its "Teema 4" of the 2013-17 follow-up.
FRAMEWORK_DESCRIPTION = (
    "Alueellisten ELO-ryhmien toiminnan seuranta 2013-17, teema 4: ALUEELLISEN ELINIKÄISEN "
    "OHJAUKSEN (TNO-PALVELUJEN) KEHITTÄMINEN, VIESTINTÄ JA JATKUVA OPPIMINEN"
)


@dataclass(frozen=True)
class ActivityData:
    text: str
    #: The seed's parentheses as written, e.g. "ESA, KAAKKOIS-SUOMI, KSELY, PKELY"; "" if none.
    regions: str = ""


@dataclass(frozen=True)
class LevelData:
    value: int
    title: str
    activities: tuple[ActivityData, ...]


@dataclass(frozen=True)
class SubThemeData:
    title: str
    levels: tuple[LevelData, ...]


@dataclass(frozen=True)
class ThemeData:
    title: str
    sub_themes: tuple[SubThemeData, ...]
    description: str = ""


A = ActivityData
L = LevelData

FRAMEWORK: tuple[ThemeData, ...] = (
    ThemeData(
        "ELO-RYHMIEN TOIMINTA",
        description=FRAMEWORK_DESCRIPTION,
        sub_themes=(
            # The seed gives this sub-theme three levels only.
            SubThemeData(
                "Monikanavaisten TNO-palvelujen kehittämistyön tukeminen",
                (
                    L(
                        1,
                        "Osallistuminen valtakunnallisen työryhmän työskentelyyn",
                        (
                            A(
                                "Asiantuntijan rekrytoiminen valtakunnallisen verkkopalvelun "
                                "kehittämistyöryhmään",
                                "Pohjois-Pohjanmaa",
                            ),
                        ),
                    ),
                    L(
                        2,
                        "Ohjauspalvelujen tuottaminen verkossa",
                        (
                            A(
                                "Aikuis-koulutuksen ammatillisen koulutuksen ohjauspalveluja "
                                "www.opastin.fi -palvelun kautta",
                                "Pohjanmaa ja Keski-Pohjanmaa",
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Ohjauspalvelujen yhteistoimintamalli verkkoon",
                        (A("Alueellisten TNO-palvelujen mallintaminen verkossa", "Lappi"),),
                    ),
                ),
            ),
            SubThemeData(
                "Alueellisten resurssit, yhteistyö- rakenteet, työnjako, palvelujen saatavuus",
                (
                    L(
                        1,
                        "ELO-ryhmän toiminnan vakiinnuttaminen",
                        (A("Säännölliset verkostokokoukset"),),
                    ),
                    L(
                        2,
                        "Toiminnan kehittymisen seuranta",
                        (A("Alueella toimivien TNO-palvelujen ja projektien kartoitukset"),),
                    ),
                    L(
                        3,
                        "Yhteistyön tiivistyminen",
                        (
                            A("Hyvien käytäntöjen esittely alueella"),
                            A("ELO-koordinaattorin jalkautuminen alueella", "POPELY"),
                            A("Kehittämistarpeiden kartoitus"),
                        ),
                    ),
                    L(
                        4,
                        "Tiivis, jatkuva vuorovaikutus kehittämistyössä",
                        (
                            A("Yhteistyökokoukset alueiden oppilaitosten kanssa", "HÄME"),
                            A(
                                "ELO-ryhmien omien verkkoympäristöjen aktiivinen ylläpito",
                                "ESA, KAAKKOIS-SUOMI, KSELY, PKELY",
                            ),
                            A("ELO-ryhmien yhteiset kokoukset", "HÄME & KAAKKOIS-SUOMI"),
                        ),
                    ),
                ),
            ),
            SubThemeData(
                "Ohjausosaamisen kehittäminen",
                (
                    L(
                        1,
                        "ELO-ryhmän jäsenten sisäiset teemakokoukset",
                        (A("Asiantuntija-alustukset ELO-ryhmän kokouksissa", "POPO"),),
                    ),
                    L(
                        2,
                        "ELO-ryhmän järjestämät seminaarit",
                        (
                            A(
                                "Alueelliset seminaarit eri teemoista: esim. toivokeskeinen "
                                "ohjaus, maahanmuuttajat, TVT, työhyvinvointi, työelämän uudet "
                                "tuulet, Tulevaisuuden moniosaajat, tietosuoja ohjaustyössä, "
                                "ohjaustyön ennakointi, monialaisuus"
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Yhteistyön tiivistyminen – yhteiset alueelliset seminaarit",
                        (
                            A(
                                "Alueelliset yhteisesti järjestetyt seminaarit ja "
                                "ajankohtaisfoorumit",
                                "HÄME, Pohjois-Karjala",
                            ),
                            A("Alueelliset seminaarisarjat eri toimijoille", "Etelä-Pohjanmaa"),
                            A(
                                "Alueelliset seminaarit ja webinaarit verkkovälitteisinä alueille",
                                "Pirkanmaa, KESKI-SUOMI",
                            ),
                        ),
                    ),
                    L(
                        4,
                        "Tiivis, jatkuva vuorovaikutus kehittämistyössä",
                        (
                            A("ELO-pelto –learning cafe", "KESKI-SUOMI"),
                            A("Ideariihet, työpajat", "UUSIMAA, ESAELY"),
                            A(
                                "Yhteisten koulutusmodulien kehittäminen",
                                "Pohjanmaa ja Keski-Pohjanmaa",
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    ThemeData(
        "VIESTINTÄ JA SITOUTUMINEN",
        sub_themes=(
            SubThemeData(
                "Viestintä",
                (
                    L(
                        1,
                        "Asiat käsitellään kokouksissa ja tilaisuuksissa",
                        (
                            A(
                                "Valtakunnalliset ja alueelliset ohjauksen strategiat "
                                "käsitellään kokouksissa ja tilaisuuksissa (ei muuta mainintaa)"
                            ),
                        ),
                    ),
                    L(
                        2,
                        "Asioista tiedotetaan sähköpostilla",
                        (
                            A(
                                "kokouksista tehdään koontia, joka on helposti välitettävissä "
                                "eteenpäin (sähköiset uutiskirjeet)"
                            ),
                            A(
                                "verkoston jäsenten toivotaan jakavan tietoa omissa "
                                "verkostoissaan (ei muuta mainintaa)"
                            ),
                            A(
                                "viestejä lähetetty pääosion sähköpostitse toimijoiden omien "
                                "jakeluluetteloiden kautta"
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Asioista tiedotetaan verkossa",
                        (
                            A(
                                "Asioista tiedotetaan verkossa (ELO-tori, ELY-keskuksen "
                                "verkkosivut, ELO-ryhmien sivut)"
                            ),
                            A("Verkkosivuille kootaan keskeisiä raportteja ja aineistoja"),
                        ),
                    ),
                    L(
                        4,
                        "Asioista tiedotetaan (ja keskustellaan) sosiaalisessa mediassa",
                        (
                            A("FB tiedonvaihto – ja keskustelukanavana (suljettu ryhmä)"),
                            A(
                                "Ajankohtaisten asioiden esillenostaminen ja tiedottaminen "
                                "sosiaalisessa mediassa (Twitter, FB-ryhmät)"
                            ),
                            A("koulutusmahdollisuuksista tiedottaminen videostreamin kautta"),
                        ),
                    ),
                ),
            ),
            SubThemeData(
                "Toimeenpanoon osallistaminen",
                (
                    L(
                        1,
                        "Tiivis sidosryhmäyhteistyö",
                        (
                            A("Osallistuminen eri hankkeiden ohjausryhmiin"),
                            A("ELO-ryhmien ja sidosryhmien yhteiset tapaamiset"),
                        ),
                    ),
                    L(
                        2,
                        "ELO-ryhmän laaja kokoonpano",
                        (
                            A(
                                "Varmistetaan, että ELO-ryhmän kokoonpano vastaa elinikäisen "
                                "ohjauksen toimintakenttää",
                                "Häme",
                            ),
                            A(
                                "ELO-ryhmän kokoonpanon lähtökohtana monialaisuus ja "
                                "–ammattillisuus",
                                "Pirkanmaa, Kainuu, Keski-Suomi",
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Kumppanuussopimukset",
                        (
                            A(
                                "Alueellisen strategian suunnittelu ja toiminta perustuu "
                                "kumppanuussopimukseen",
                                "Lappi",
                            ),
                        ),
                    ),
                    L(
                        4,
                        "Yhteydet aluehallintoon",
                        (
                            A(
                                "Toiminnan organisointi maakuntaliiton alaisuuteen",
                                "Pohjanmaa ja Keski-Pohjanmaa",
                            ),
                            A(
                                "ELO-ryhmän jäsenenä poliittisia päätöksentekijöitä kuntatasolta",
                                "ESAELY",
                            ),
                            A("Kokousten järjestäminen maakunnan eri osissa", "ESAELY"),
                        ),
                    ),
                ),
            ),
            SubThemeData(
                "Monialaisten TNO-palvelujen (Ohjaamot) kehittämistyö",
                (
                    L(
                        1,
                        "Myötavaikutus toiminnan käynnistämisen",
                        (
                            A(
                                "ELO-ryhmä myötävaikuttanut Ohjaamo toiminnan käynnistämiseen "
                                "maakunnassa"
                            ),
                        ),
                    ),
                    L(
                        2,
                        "Toiminnan kehittymisen seuranta",
                        (
                            A("ELO-ryhmässä on seurattu Ohjaamo(je)n toiminnan kehittymistä"),
                            A("Esittelyjä Ohjaamoista ryhmän kokouksissa sekä seminaarissa"),
                            A(
                                "Ryhmä ei ole varsinaisesti osallistunut Ohjaamojen "
                                "kehittämistyö edistämiseen"
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Yhteistyön tiivistyminen",
                        (
                            A("ELO-ryhmässä Ohjaamo(je)n edustus"),
                            A(
                                "Ohjaamojen ajankohtaisista asioista tiedotettu ELO-ryhmissä, "
                                "joka puolestaan tukenut tiedottamista laajemmin"
                            ),
                            A(
                                "Ohjaamoiden tukitoiveita ELO-toiminnalta selvitetty",
                                "Pohjois-Pohjanmaa",
                            ),
                        ),
                    ),
                    L(
                        4,
                        "Tiivis, jatkuva vuorovaikutus kehittämistyössä",
                        (
                            A("ELO-ryhmässä Ohjaamon edustus ja Ohjaamo(i)ssa ELO-ryhmän edustus"),
                            A(
                                "ELO-toiminta on tiiviissä vuorovaikutuksessa Ohjaamoiden "
                                "kehittämistyön kanssa"
                            ),
                            A("Ohjaamo-toiminnan edistäminen on jatkuvaa"),
                        ),
                    ),
                ),
            ),
        ),
    ),
    ThemeData(
        "ALUEELLISEN OHJAUKSEN KEHITTÄMINEN JA TOIMENPITEET",
        sub_themes=(
            SubThemeData(
                "Alueellisen elinikäisen ohjauksen vision ja strategian toteutumisen arviointi",
                (
                    L(
                        1,
                        "Ei systemaattista arviointia/seurantaa",
                        (
                            A(
                                "Elinikäisen ohjauksen vision ja strategian arvioinnille ei ole "
                                "määritelty arviointikriteerejä vuodelle 2016"
                            ),
                            A(
                                "Laaja elinikäisen ohjauksen arviointi koko maakunnan alueella "
                                "toteutettu vuonna 2015/ 2015-2016 (ei kuvattusta myöhemmästä "
                                "arviointi/seuranta toiminnassa)"
                            ),
                        ),
                    ),
                    L(
                        2,
                        "Suunniteltu/sovittu arviointi",
                        (
                            A(
                                "Alueellista strategiaa on sovittu arvioitavan keväällä 2017 "
                                "lähinnä itsearviointimenetelmää käyttäen"
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Systemaattinen - Vuosittainen/vuoden aikainen arviointi",
                        (
                            A(
                                "Strategian toteutuminen varmistettu toimintasuunnitelmalla, "
                                "jonka toteutumista arvioidaan ELO-ryhmän kokouksessa/"
                                "kokouksissa (1 – 4 krt/ vuodessa)"
                            ),
                            A("Arviointitietoa hyödynnetty uuden suunnitelma pohjatyössä"),
                        ),
                    ),
                    L(
                        4,
                        "Systemaattinen – menetelmällinen kehittäminen",
                        (
                            A(
                                "Strategisen arviointiin ja ohjaukseen arviointiin on etsitty "
                                "erillisen koulutuksen kautta uusia menetelmiä"
                            ),
                            A(
                                "Virityksiä verkostojen sisäisille arvioinneille (sähköisiä "
                                "menetelmiä)"
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    ThemeData(
        "LISÄNÄKÖKULMIA",
        sub_themes=(
            SubThemeData(
                "ELO-VERKOSTON JATKUMISEEN JA KEHITTÄMISEEN VALMISTAUTUMINEN",
                (
                    L(
                        1,
                        "Valtakunnallisen valmistelun seuranta",
                        (
                            A(
                                "ELO-ryhmä seuraa valtakunnallista kehitystä, lakivalmistelua ja "
                                "suunnitelmia elinikäisen ohjauksen järjestämisestä "
                                "maakuntamallissa"
                            ),
                        ),
                    ),
                    L(
                        2,
                        "Maakuntamallin valmistelutyöryhmätyöhön vaikuttaminen",
                        (
                            A(
                                "Tehtävien hoitoa ja verkostoa on kuvattu maakunnan "
                                "valmistelutyöryhmän nykytilaraportissa"
                            ),
                            A(
                                "Yhteenvedon omaisia perusteluja ELO-työn merkityksestä "
                                "toimitettu maakuntavalmistelussa mukana oleville henkilöille"
                            ),
                            A(
                                "ELO-ryhmän jäsenien on toivottu vaikuttavan omien "
                                "taustayhteisöjen ja työryhmien kautta kehittämistoiminnan "
                                "jatkumiseksi"
                            ),
                        ),
                    ),
                    L(
                        3,
                        "Maakuntamallin valmistelutyöryhmätyöhön osallistuminen",
                        (
                            A("Maakuntaudistuksen eri työryhmien työhön osallistuminen"),
                            A(
                                "Ohjauspalvelut nostettu yhdeksi tärkeäksi kehittämistyön "
                                "kohteeksi",
                                "Keski-Suomi",
                            ),
                            A(
                                "ELO-työryhmälle on annettu tehtäväksi valmistelle esitys "
                                "ELO-toiminnasta tulevan maakunnan toiminnassa",
                                "Etelä-Pohjanmaa",
                            ),
                        ),
                    ),
                    L(
                        4,
                        "Uuden ELO-ryhmän nimeäminen/ pidemmäntähtäimen toimintasuunnitelman "
                        "laatiminen",
                        (
                            A(
                                "Pitkäjänteisyyden takaamiseksi nimetään uusi ELO-ryhmä vuosiksi "
                                "2017-2022",
                                "Etelä-Savo",
                            ),
                            A(
                                "Vuoden 2017 alusta nimettiin uusi ELO-yhteistyöryhmä, jonka "
                                "toimikausi jatkuu vuoden 2019 loppuun",
                                "Lappi, Pohjanmaa & Keski-Pohjanmaa",
                            ),
                            A("Uusin toimintasuunnitelma tähtää vuoteen 2019", "Pohjois-Karjala"),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

del A, L

#: The seed's abbreviations of ELY centres, to the region names of ``network.demo.kaselo``.
REGION_ABBREVIATIONS = {
    "POPELY": "Pohjois-Pohjanmaa",
    "POPO": "Pohjois-Pohjanmaa",
    "ESA": "Etelä-Savo",
    "ESAELY": "Etelä-Savo",
    "KSELY": "Keski-Suomi",
    "PKELY": "Pohjois-Karjala",
    "HÄME": "Häme",
}

# "Pohjanmaa ja Keski-Pohjanmaa" is one ELY centre's area: the region Pohjanmaa.
_POHJANMAA = re.compile(r"Pohjanmaa\s*(?:ja|&)\s*Keski-Pohjanmaa", re.IGNORECASE)


def region_slugs(named: str) -> list[str]:
    """The region slugs the seed's parentheses name, in the order written, each once.

    "ESA, KAAKKOIS-SUOMI" → ["etela-savo", "kaakkois-suomi"]; "Lappi, Pohjanmaa &
    Keski-Pohjanmaa" → ["lappi", "pohjanmaa"]. A name that is no region raises LookupError,
    so a typo in the data stops the load instead of dropping a region's answer.
    """
    slugs: list[str] = []
    for part in re.split(r"[,&]", _POHJANMAA.sub("Pohjanmaa", named)):
        name = part.strip()
        if not name:
            continue
        name = REGION_ABBREVIATIONS.get(name.upper(), name)
        slug = slugify(name)
        if slug not in _KNOWN_SLUGS:
            raise LookupError(f"Seed 001 names an unknown region: {part.strip()!r}")
        if slug not in slugs:
            slugs.append(slug)
    return slugs


_KNOWN_SLUGS = frozenset(
    {
        "uusimaa",
        "varsinais-suomi",
        "satakunta",
        "hame",
        "pirkanmaa",
        "kaakkois-suomi",
        "etela-savo",
        "pohjois-savo",
        "pohjois-karjala",
        "keski-suomi",
        "etela-pohjanmaa",
        "pohjanmaa",
        "pohjois-pohjanmaa",
        "kainuu",
        "lappi",
    }
)


@dataclass
class _SeedAnswer:
    level: int
    activities: list[str]


def seed_answers() -> dict[str, dict[tuple[int, int], _SeedAnswer]]:
    """Each region's 2016 answers by (theme number, sub-theme number), from ``FRAMEWORK``.

    A region listed under two levels of one sub-theme answers the higher level and keeps
    the activities of both, in the seed's order.
    """
    answers: dict[str, dict[tuple[int, int], _SeedAnswer]] = {}
    for theme_number, theme in enumerate(FRAMEWORK, start=1):
        for sub_number, sub_theme in enumerate(theme.sub_themes, start=1):
            for level in sub_theme.levels:
                for activity in level.activities:
                    for slug in region_slugs(activity.regions):
                        key = (theme_number, sub_number)
                        answer = answers.setdefault(slug, {}).get(key)
                        if answer is None:
                            answers[slug][key] = _SeedAnswer(level.value, [activity.text])
                        else:
                            answer.level = max(answer.level, level.value)
                            answer.activities.append(activity.text)
    return answers


def _upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    """Create the row, or save the fields that differ; an unchanged row is not written."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        stamps = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        obj.save(update_fields=changed + stamps)
    return obj


def _load_framework() -> dict[tuple[int, int], SubTheme]:
    sub_themes: dict[tuple[int, int], SubTheme] = {}
    for theme_number, data in enumerate(FRAMEWORK, start=1):
        theme = _upsert(
            Theme, {"number": theme_number}, {"title": data.title, "description": data.description}
        )
        for sub_number, sub_data in enumerate(data.sub_themes, start=1):
            sub_theme = _upsert(
                SubTheme, {"theme": theme, "number": sub_number}, {"title": sub_data.title}
            )
            sub_themes[(theme_number, sub_number)] = sub_theme
            for level in sub_data.levels:
                _upsert(
                    Level, {"sub_theme": sub_theme, "value": level.value}, {"title": level.title}
                )
    return sub_themes


def _load_2016_reports(sub_themes: dict[tuple[int, int], SubTheme]) -> int:
    regions = {region.slug: region for region in Region.objects.all()}
    loaded = 0
    for slug, answers in seed_answers().items():
        region = regions.get(slug)
        if region is None:
            logger.info("Region %s is not loaded; its 2016 report is skipped", slug)
            continue
        report = _upsert(
            AnnualReport,
            {"region": region, "year": SEED_YEAR},
            {"status": AnnualReport.Status.ACCEPTED},
        )
        for key, answer in answers.items():
            _upsert(
                Answer,
                {"report": report, "sub_theme": sub_themes[key]},
                {"level": answer.level, "activities": "\n".join(answer.activities)},
            )
        loaded += 1
    return loaded


def load_reporting_demo(stdout: TextIOBase | None = None) -> None:
    """Load the framework, the reporting years 2016 and 2021 and the 2016 reports.

    The regions come from ``network.demo.loader.load_demo``, which runs first. No due date
    is set: the seeds give none, and the national team sets it on the reporting index.
    """
    with transaction.atomic():
        sub_themes = _load_framework()
        for year in (SEED_YEAR, NEXT_YEAR):
            ReportingYear.objects.get_or_create(year=year)
        reports = _load_2016_reports(sub_themes)
    message = (
        f"Reporting: {Theme.objects.count()} themes, {SubTheme.objects.count()} sub-themes, "
        f"{Level.objects.count()} levels, {reports} reports on {SEED_YEAR}."
    )
    logger.info(message)
    if stdout is not None:
        stdout.write(message + "\n")
