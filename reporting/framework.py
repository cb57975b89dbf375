# ruff: noqa: RUF001 (the seed writes en dashes; its text is kept as written)
"""The annual-reporting framework of seed 001: themes, sub-themes and each one's levels.

Seed 001 is the national summary of the regions' reports on 2016 ("ELY-keskusten raportointi
vuoden 2016 toiminnasta - yhteenvetoa", Kettunen & Vuorinen, 8.6.2017): four themes, their
sub-themes, each sub-theme's ladder of levels, and under each level the activities reported,
with the reporting regions in parentheses.

The framework (Theme, SubTheme, Level) belongs to a reporting year: the first year a
deployment opens gets this seed's framework (``reporting.models.copy_framework`` calls
``write_framework``), every later year a copy of the year before's. Migration
``reporting.0002_framework`` wrote it once for all years; ``0008_framework_per_year`` gave
each year its own copy. The activities are kept
beside their levels as the seed writes them: those without a region describe the rung and
belong to the framework (``LevelActivity``, ``0010_ladder_activities``); those with regions
are the regions' own, which the demo turns into the 2016 reports (``demo.reports``).
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from network.reference import fill_translations, translation_values, upsert

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

#: The framework's headings in Swedish and English, by their Finnish wording: themes,
#: sub-themes, the levels' titles and the first theme's description (the seed's heading for
#: the whole follow-up). Names are translated, not content: the levels' activities stay
#: Finnish and fall back marked ``lang="fi"``. A heading the seed repeats ("Yhteistyön
#: tiivistyminen") is translated once. Keys are written as ``FRAMEWORK`` writes them, so a
#: heading missing here fails ``write_framework`` (and its test), not a page.
HEADINGS: dict[str, tuple[str, str]] = {
    FRAMEWORK_DESCRIPTION: (
        "Uppföljning av de regionala ELO-gruppernas verksamhet 2013-17, tema 4: UTVECKLING AV "
        "DEN REGIONALA LIVSLÅNGA VÄGLEDNINGEN (TNO-TJÄNSTERNA), KOMMUNIKATION OCH "
        "KONTINUERLIGT LÄRANDE",
        "Follow-up of the regional ELO groups' activities 2013-17, theme 4: DEVELOPING "
        "REGIONAL LIFELONG GUIDANCE (TNO SERVICES), COMMUNICATION AND CONTINUOUS LEARNING",
    ),
    # Themes.
    "ELO-RYHMIEN TOIMINTA": ("ELO-GRUPPERNAS VERKSAMHET", "ACTIVITIES OF THE ELO GROUPS"),
    "VIESTINTÄ JA SITOUTUMINEN": ("KOMMUNIKATION OCH ENGAGEMANG", "COMMUNICATION AND COMMITMENT"),
    "ALUEELLISEN OHJAUKSEN KEHITTÄMINEN JA TOIMENPITEET": (
        "UTVECKLING AV DEN REGIONALA VÄGLEDNINGEN OCH ÅTGÄRDER",
        "DEVELOPMENT OF REGIONAL GUIDANCE AND MEASURES",
    ),
    "LISÄNÄKÖKULMIA": ("YTTERLIGARE SYNVINKLAR", "FURTHER PERSPECTIVES"),
    # Sub-themes.
    "Monikanavaisten TNO-palvelujen kehittämistyön tukeminen": (
        "Stöd till utvecklingen av TNO-tjänster i flera kanaler",
        "Supporting the development of multichannel TNO services",
    ),
    "Alueellisten resurssit, yhteistyö- rakenteet, työnjako, palvelujen saatavuus": (
        "Regionala resurser, samarbetsstrukturer, arbetsfördelning, tjänsternas tillgänglighet",
        "Regional resources, cooperation structures, division of work, availability of services",
    ),
    "Ohjausosaamisen kehittäminen": (
        "Utveckling av vägledningskompetensen",
        "Developing guidance competence",
    ),
    "Viestintä": ("Kommunikation", "Communication"),
    "Toimeenpanoon osallistaminen": (
        "Delaktighet i genomförandet",
        "Involving others in the implementation",
    ),
    "Monialaisten TNO-palvelujen (Ohjaamot) kehittämistyö": (
        "Utvecklingen av sektorsövergripande TNO-tjänster (Navigatorerna)",
        "Developing multisectoral TNO services (One-Stop Guidance Centres, Ohjaamo)",
    ),
    "Alueellisen elinikäisen ohjauksen vision ja strategian toteutumisen arviointi": (
        "Utvärdering av hur visionen och strategin för den regionala livslånga vägledningen "
        "förverkligas",
        "Evaluating how the vision and strategy of regional lifelong guidance are realised",
    ),
    "ELO-VERKOSTON JATKUMISEEN JA KEHITTÄMISEEN VALMISTAUTUMINEN": (
        "FÖRBEREDELSER FÖR ELO-NÄTVERKETS FORTSÄTTNING OCH UTVECKLING",
        "PREPARING FOR THE CONTINUATION AND DEVELOPMENT OF THE ELO NETWORK",
    ),
    # Levels.
    "Osallistuminen valtakunnallisen työryhmän työskentelyyn": (
        "Deltagande i den nationella arbetsgruppens arbete",
        "Taking part in the national working group's work",
    ),
    "Ohjauspalvelujen tuottaminen verkossa": (
        "Produktion av vägledningstjänster på nätet",
        "Producing guidance services online",
    ),
    "Ohjauspalvelujen yhteistoimintamalli verkkoon": (
        "En samverkansmodell för vägledningstjänsterna på nätet",
        "A joint operating model for guidance services online",
    ),
    "ELO-ryhmän toiminnan vakiinnuttaminen": (
        "Etablering av ELO-gruppens verksamhet",
        "Establishing the ELO group's activities",
    ),
    "Toiminnan kehittymisen seuranta": (
        "Uppföljning av hur verksamheten utvecklas",
        "Following how the activities develop",
    ),
    "Yhteistyön tiivistyminen": ("Tätare samarbete", "Closer cooperation"),
    "Tiivis, jatkuva vuorovaikutus kehittämistyössä": (
        "Tät, kontinuerlig växelverkan i utvecklingsarbetet",
        "Close, continuous interaction in development work",
    ),
    "ELO-ryhmän jäsenten sisäiset teemakokoukset": (
        "Interna temamöten för ELO-gruppens medlemmar",
        "Internal theme meetings of the ELO group's members",
    ),
    "ELO-ryhmän järjestämät seminaarit": (
        "Seminarier som ELO-gruppen ordnar",
        "Seminars organised by the ELO group",
    ),
    "Yhteistyön tiivistyminen – yhteiset alueelliset seminaarit": (
        "Tätare samarbete – gemensamma regionala seminarier",
        "Closer cooperation – joint regional seminars",
    ),
    "Asiat käsitellään kokouksissa ja tilaisuuksissa": (
        "Ärendena behandlas på möten och evenemang",
        "Matters are discussed at meetings and events",
    ),
    "Asioista tiedotetaan sähköpostilla": (
        "Information om ärendena ges per e-post",
        "Matters are communicated by email",
    ),
    "Asioista tiedotetaan verkossa": (
        "Information om ärendena ges på nätet",
        "Matters are communicated online",
    ),
    "Asioista tiedotetaan (ja keskustellaan) sosiaalisessa mediassa": (
        "Information om ärendena ges (och de diskuteras) i sociala medier",
        "Matters are communicated (and discussed) on social media",
    ),
    "Tiivis sidosryhmäyhteistyö": (
        "Tätt samarbete med intressentgrupper",
        "Close cooperation with stakeholders",
    ),
    "ELO-ryhmän laaja kokoonpano": (
        "ELO-gruppens breda sammansättning",
        "The ELO group's broad membership",
    ),
    "Kumppanuussopimukset": ("Partnerskapsavtal", "Partnership agreements"),
    "Yhteydet aluehallintoon": (
        "Kontakter med regionförvaltningen",
        "Links with the regional administration",
    ),
    "Myötavaikutus toiminnan käynnistämisen": (
        "Medverkan till att verksamheten startar",
        "Helping the activities to start",
    ),
    "Ei systemaattista arviointia/seurantaa": (
        "Ingen systematisk utvärdering/uppföljning",
        "No systematic evaluation/monitoring",
    ),
    "Suunniteltu/sovittu arviointi": (
        "Planerad/överenskommen utvärdering",
        "Planned/agreed evaluation",
    ),
    "Systemaattinen - Vuosittainen/vuoden aikainen arviointi": (
        "Systematisk - Årlig utvärdering/utvärdering under året",
        "Systematic - Annual/in-year evaluation",
    ),
    "Systemaattinen – menetelmällinen kehittäminen": (
        "Systematisk – metodisk utveckling",
        "Systematic – methodical development",
    ),
    "Valtakunnallisen valmistelun seuranta": (
        "Uppföljning av den nationella beredningen",
        "Following the national preparations",
    ),
    "Maakuntamallin valmistelutyöryhmätyöhön vaikuttaminen": (
        "Påverkan på beredningsarbetsgruppernas arbete med landskapsmodellen",
        "Influencing the work of the groups preparing the regional government model",
    ),
    "Maakuntamallin valmistelutyöryhmätyöhön osallistuminen": (
        "Deltagande i beredningsarbetsgruppernas arbete med landskapsmodellen",
        "Taking part in the work of the groups preparing the regional government model",
    ),
    "Uuden ELO-ryhmän nimeäminen/ pidemmäntähtäimen toimintasuunnitelman laatiminen": (
        "Tillsättning av en ny ELO-grupp/ utarbetande av en verksamhetsplan på längre sikt",
        "Appointing a new ELO group/ drawing up a longer-term action plan",
    ),
}


def heading_translations(model: type[models.Model], field: str, text: str) -> dict[str, str]:
    """``field``'s Swedish and English columns for the Finnish heading ``text`` ("" gives
    none), those ``model`` has (``network.reference.translation_values``)."""
    if not text:
        return {}
    swedish, english = HEADINGS[text]
    return translation_values(model, **{f"{field}_sv": swedish, f"{field}_en": english})


def write_framework(
    theme_model: type[models.Model],
    sub_theme_model: type[models.Model],
    level_model: type[models.Model],
    reporting_year: Any = None,
    activity_model: type[models.Model] | None = None,
) -> dict[tuple[int, int], Any]:
    """Write the themes, sub-themes and levels of ``reporting_year``'s framework; return the
    sub-themes by (theme, number).

    Takes the models so a migration can pass historical ones (migration 0002 wrote one
    framework for all years, before themes belonged to a year, so without
    ``reporting_year``); idempotent, every row found by its natural key (a theme's number
    in its year, a sub-theme's number in its theme, a level's value). With
    ``activity_model`` (``LevelActivity``), each level's own activities too: the lines the
    seed gives without a region, found by their position on the level. The headings get
    their Swedish and English (``HEADINGS``); the activities stay Finnish.
    """
    sub_themes: dict[tuple[int, int], Any] = {}
    year_key = {} if reporting_year is None else {"reporting_year": reporting_year}
    for theme_number, data in enumerate(FRAMEWORK, start=1):
        theme = upsert(
            theme_model,
            {**year_key, "number": theme_number},
            {
                "title": data.title,
                **heading_translations(theme_model, "title", data.title),
                "description": data.description,
                **heading_translations(theme_model, "description", data.description),
            },
        )
        for sub_number, sub_data in enumerate(data.sub_themes, start=1):
            sub_theme = upsert(
                sub_theme_model,
                {"theme": theme, "number": sub_number},
                {
                    "title": sub_data.title,
                    **heading_translations(sub_theme_model, "title", sub_data.title),
                },
            )
            sub_themes[(theme_number, sub_number)] = sub_theme
            for level in sub_data.levels:
                level_row = upsert(
                    level_model,
                    {"sub_theme": sub_theme, "value": level.value},
                    {
                        "title": level.title,
                        **heading_translations(level_model, "title", level.title),
                    },
                )
                if activity_model is None:
                    continue
                for position, text in enumerate(level_activities(level), start=1):
                    upsert(
                        activity_model,
                        {"level": level_row, "position": position},
                        {"text": text},
                    )
    return sub_themes


def level_activities(level: LevelData) -> list[str]:
    """The level's own activities: the seed's lines under it that name no region."""
    return [activity.text for activity in level.activities if not activity.regions]


def fill_framework_names(
    theme_model: type[models.Model],
    sub_theme_model: type[models.Model],
    level_model: type[models.Model],
) -> int:
    """Give every year's framework already written the Swedish and English headings, the
    rows matched by their numbers in the seed (a theme's, a sub-theme's in its theme, a
    level's value) and their Finnish wording (``network.reference.fill_translations``: a
    heading the national team reworded stays untranslated). Return how many were written."""
    written = 0

    def fill(rows: Any, field: str, text: str) -> None:
        nonlocal written
        if text:
            swedish, english = HEADINGS[text]
            written += fill_translations(
                rows, field, text, {f"{field}_sv": swedish, f"{field}_en": english}
            )

    for theme_number, data in enumerate(FRAMEWORK, start=1):
        themes = theme_model._default_manager.filter(number=theme_number)
        fill(themes, "title", data.title)
        fill(themes, "description", data.description)
        for sub_number, sub_data in enumerate(data.sub_themes, start=1):
            place = {"theme__number": theme_number, "number": sub_number}
            fill(sub_theme_model._default_manager.filter(**place), "title", sub_data.title)
            for level in sub_data.levels:
                levels = level_model._default_manager.filter(
                    sub_theme__theme__number=theme_number,
                    sub_theme__number=sub_number,
                    value=level.value,
                )
                fill(levels, "title", level.title)
    return written
