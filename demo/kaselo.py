# The seeds' Finnish uses the en dash ("Technology Playground –hanke"); it is kept verbatim.
# ruff: noqa: RUF001, RUF003
"""Demo data of the first network, KASELO (Kaakkois-Suomi), as plain Python structures.

Sources, all in the seed documents (``../shared/seeds/`` beside the checkout):

- 000: "Ajankohtaista Kaakkois-Suomen ELO-toiminnasta", 21.10.2021 (strategy 2021-2027,
  revised 2023; good practices; autumn 2021 events);
- 002: KASELO's deck of 14.4.2021 (focus-area action slides, MITTARIT, the spring 2021
  calendar and the member organisations by province).

Texts are the seeds' Finnish, verbatim: lines the PDF broke are joined, double spaces
collapsed, nothing reworded. Organisations and other rows refer to each other by name.
"""

import datetime as dt
from dataclasses import dataclass

from events.models import Event
from network.models import Organisation
from strategy.models import FundingSource, Indicator

Kind = Organisation.Kind
Sector = Organisation.Sector
EventKind = Event.Kind
DayPart = Event.DayPart
Funding = FundingSource


# --- KASELO's region ------------------------------------------------------------------------

# The 15 regions, KASELO's provinces and the national goals are reference data
# (``network.reference``, ``strategy.reference``), written by migrations.
REGION = "Kaakkois-Suomi"
ETELA_KARJALA = "Etelä-Karjala"
KYMENLAAKSO = "Kymenlaakso"


# --- KASELO's strategy 2021-2027 (seeds 000 and 002) --------------------------------------


@dataclass(frozen=True)
class StrategyData:
    title: str
    start_year: int
    end_year: int
    vision: str
    values: str
    values_statement: str
    overall_goal: str
    objectives: str


# Title: 002 ("... toimintasuunnitelma 2021-2027, Kaakkois-Suomen ELY-keskus"); the rest: 000
# and 002 alike, so both versions carry it.
STRATEGY = StrategyData(
    title="Kaakkois-Suomen elinikäisen oppimisen ja ohjauksen toimintasuunnitelma 2021-2027",
    start_year=2021,
    end_year=2027,
    vision="Muutoskyvykäs Kaakkois-Suomen ELO-verkosto yhteistyössä asiakkaan parhaaksi",
    values="asiakaslähtöisyys, osaaminen, luottamus",
    values_statement="Toivo ja rohkeus syntyy yhdessä tekemisestä.",
    overall_goal=(
        "Yhteistyön tiivistäminen ja toimintojen yhteensovittaminen palvelujen saatavuuden "
        "ja vaikuttavuuden parantamiseksi."
    ),
    objectives=(
        "Elinikäisen oppimisen ja ohjauksen tavoitteet 2021-2027: osaavan työvoiman, "
        "työelämävalmiuksien, yritteliäisyyden ja yrittäjyyden edistäminen"
    ),
)


@dataclass(frozen=True)
class VersionData:
    number: int
    label: str
    published_on: dt.date
    change_note: str = ""


# The two decks that show the plan: 002 of 14.4.2021 (the plan with its actions) and 000 of
# 21.10.2021 (its focus areas reworded and their goals listed). Each is a version; the
# later one is current, made from the first as the portal makes a revision.
FIRST_VERSION = VersionData(1, "14.4.2021", dt.date(2021, 4, 14))
CURRENT_VERSION = VersionData(
    2,
    "21.10.2021",
    dt.date(2021, 10, 21),
    change_note=(
        "Painopiste 1: saatavuus muuttui saavutettavuudeksi. Painopisteen 4 sanajärjestys "
        "muuttui. Painopisteiden tavoitteet kirjattiin."
    ),
)


@dataclass(frozen=True)
class FocusAreaData:
    number: int
    # The title of the current version (000).
    title: str
    # Goal rows (tavoitteet), in the order of seed 000's bullets: the current version's only,
    # as 002 sets no goals apart from the actions. No seed links a focus area to the national
    # strategy's goals or measures: the coordinator does, in the editor.
    goals: tuple[str, ...]
    # The first version's title (002) where it differs.
    first_title: str = ""

    @property
    def first_version_title(self) -> str:
        return self.first_title or self.title


# Titles and goals: 000, the current version. 002, the first version, spells focus area 1
# "OHJAUSPALVELUN SAATAVUUS JA KEHITTÄMINEN MONIKANAVAISESTI" and focus area 4 "... OSANA
# INNOVATIIVISTA, ALUEELLISTA KEHITTÄMISTYÖTÄ" (``first_title``).
FOCUS_AREAS: tuple[FocusAreaData, ...] = (
    FocusAreaData(
        1,
        "OHJAUSPALVELUN SAAVUTETTAVUUS JA KEHITTÄMINEN MONIKANAVAISESTI",
        goals=(
            "Ohjaus tuottaa tietoisia valintoja. Opiskelijat saavat riittävät tiedot "
            "valintojensa perustaksi. Avoimiin työpaikkoihin löytyy tekijät.",
            "Ohjauspalvelujen saatavuus monikanavaisesti",
            "Kaakkois-Suomessa opinto- ja uraohjaus kytketään yhdeksi palvelukokonaisuudeksi.",
            "Yksilön ja työelämän tarpeista lähtevää opinto- ja uraohjausta on tasapuolisesti "
            "saatavilla. Ohjaus vahvistaa työelämävalmiuksia, yritteliäisyyttä ja yrittäjyyttä.",
        ),
        first_title="OHJAUSPALVELUN SAATAVUUS JA KEHITTÄMINEN MONIKANAVAISESTI",
    ),
    FocusAreaData(
        2,
        "MONIALAISEN YHTEISTYÖN KOORDINOINTI JA KEHITTÄMINEN",
        goals=(
            "Yritykset ja oppilaitokset (& kaikki yrittäjyyttä tukevat tahot) yhteistyössä "
            "systemaattisesti",
            "Kaikkien yrittäjyyttä tukevien tahojen yhteistyön tiivistäminen ja ohjaustyön "
            "yhteensovittaminen",
            "Osaavan työvoiman, työllisyyden ja yrittäjyyden varmistaminen",
            "Ohjaus on kaikkien tehtävä.",
            "Kaakkois-Suomen ohjaustoimijat sitoutuvat systemaattiseen kehittämisotteeseen "
            "(tahtotila).",
        ),
    ),
    FocusAreaData(
        3,
        "OHJAUKSEN LAADUN KEHITTÄMINEN TIETOON PERUSTUEN YHDENVERTAISESTI JA KESTÄVÄSTI",
        goals=(
            "Kaakkois-Suomen ohjaustoimijat tuottavat laadukkaita ohjauspalveluja ja valitsevat "
            "itselleen sopivimman laadunvarmistustavan.",
            "Verkostoyhteistyönä toteutetut tieto-, neuvonta- ja ohjauspalvelut vastaavat "
            "kattavasti sekä yksilöiden että koko Kaakkois-Suomen elinkeinoelämän ja "
            "yhteiskunnan asettamiin vaatimuksiin.",
        ),
    ),
    FocusAreaData(
        4,
        "ELINIKÄISEN OHJAUKSEN KEHITTÄMINEN OSANA ALUEELLISTA INNOVATIIVISTA KEHITTÄMISTYÖTÄ",
        goals=(
            "Systemaattisen ja tavoitteellisen elinikäisen ohjauksen kehittämistyön liittäminen "
            "muuhun meneillään olevaan alueelliseen kehittämistyöhön ja alueen elinkeinojen "
            "uusiutumiseen",
            "Eri hallinnonalojen välisen ja sidosryhmien kanssa tehtävän yhteistyön kautta "
            "hajanaisten palvelujen ja olemassa olevien yhteisten resurssien käytön tehostaminen",
            "Ennakointitiedon ja tiedolla johtamisen hyödyntäminen innovatiivisessa "
            "verkostoyhteistyössä",
            "Nivelvaiheyhteistyön tehostaminen",
            "Digitaalisten menetelmien, osaamisen ja toimintamallien kehittäminen",
        ),
        first_title=(
            "ELINIKÄISEN OHJAUKSEN KEHITTÄMINEN OSANA INNOVATIIVISTA, ALUEELLISTA KEHITTÄMISTYÖTÄ"
        ),
    ),
    FocusAreaData(
        5,
        "PÄÄTÖKSENTEKOON VAIKUTTAMINEN",
        goals=(
            "Päätöksentekoon vaikuttaminen valtakunnallisissa, alueellisissa ja paikallisissa "
            "verkostoissa",
            "Tiedolla johtaminen, asiakaspalautteiden ja hiljaisen tiedon hyödyntäminen "
            "päätöksenteossa",
        ),
    ),
)


# --- Member organisations (seed 002) -------------------------------------------------------

ELY = "Kaakkois-Suomen ELY-keskus"
TE = "Kaakkois-Suomen TE-toimisto"
AVI = "Etelä-Suomen AVI"


@dataclass(frozen=True)
class OrganisationData:
    name: str
    kind: str
    sector: str
    provinces: tuple[str, ...]
    abbreviation: str = ""
    description: str = ""


BOTH = (ETELA_KARJALA, KYMENLAAKSO)

# 002, "Konkreettiset ohjaustoimenpiteet Etelä-Karjala / Kymenlaakso 2019-2020-2021 (liite)".
# Bullets naming two organisations are split; an organisation named under both provinces is
# one row with both. Count: Etelä-Karjala 19 and Kymenlaakso 18, as the seed says
# ("19 Organisaatiota", "18 Organisaatiota"); 32 distinct organisations, 5 of them in both.
#
# Kinds and sectors follow the name. Where the name alone does not settle it, the comment
# gives the judgement: universities, universities of applied sciences and municipal
# companies are public; associations (ry) and foundations (sr), and schools a foundation or
# association maintains, are the third sector. No organisation of the list is private.
ORGANISATIONS: tuple[OrganisationData, ...] = (
    # Named under both provinces.
    OrganisationData(ELY, Kind.STATE_AGENCY, Sector.PUBLIC, BOTH, abbreviation="KASELY"),
    OrganisationData(TE, Kind.STATE_AGENCY, Sector.PUBLIC, BOTH),
    # Regional state administrative agency; 000 calls it ESAVI.
    OrganisationData(AVI, Kind.STATE_AGENCY, Sector.PUBLIC, BOTH, abbreviation="ESAVI"),
    # The social welfare centre of expertise works under a law of its own (1230/2001) with
    # state funding; it is a limited company (Oy), hence "company", but of the public sector.
    OrganisationData(
        "Kaakkois-Suomen sosiaalialan osaamiskeskus Oy Socom",
        Kind.COMPANY,
        Sector.PUBLIC,
        BOTH,
        abbreviation="Socom",
    ),
    OrganisationData(
        "Suomen ammattiliittojen keskusjärjestö SAK ry Kouvolan toimipiste",
        Kind.UNION,
        Sector.THIRD,
        BOTH,
        abbreviation="SAK",
    ),
    # Etelä-Karjala only.
    OrganisationData(
        "Etelä-Karjalan liitto", Kind.REGIONAL_COUNCIL, Sector.PUBLIC, (ETELA_KARJALA,)
    ),
    OrganisationData("Ohjaamo Imatra", Kind.OHJAAMO, Sector.PUBLIC, (ETELA_KARJALA,)),
    OrganisationData("Ohjaamo Lappeenranta", Kind.OHJAAMO, Sector.PUBLIC, (ETELA_KARJALA,)),
    OrganisationData(
        "Saimaan ammattiopisto Sampo", Kind.VOCATIONAL_SCHOOL, Sector.PUBLIC, (ETELA_KARJALA,)
    ),
    # A foundation university, publicly funded: public sector.
    OrganisationData("LUT-yliopisto", Kind.UNIVERSITY, Sector.PUBLIC, (ETELA_KARJALA,)),
    # A Christian folk high school with a church-related non-profit maintainer: third sector.
    OrganisationData(
        "Seurakuntaopisto Jaakkima", Kind.FOLK_HIGH_SCHOOL, Sector.THIRD, (ETELA_KARJALA,)
    ),
    OrganisationData("SaimaanVirta ry", Kind.ASSOCIATION, Sector.THIRD, (ETELA_KARJALA,)),
    OrganisationData("Laptuote-säätiö sr", Kind.FOUNDATION, Sector.THIRD, (ETELA_KARJALA,)),
    # The city of Lappeenranta's business services (Wirma): municipal, public.
    OrganisationData(
        "Lappeenranta Wirma yrityspalvelut",
        Kind.DEVELOPMENT_COMPANY,
        Sector.PUBLIC,
        (ETELA_KARJALA,),
    ),
    # The Imatra region municipalities' development company: public.
    OrganisationData(
        "Imatran Seudun Kehitysyhtiö", Kind.DEVELOPMENT_COMPANY, Sector.PUBLIC, (ETELA_KARJALA,)
    ),
    # The seed's "Imatran seutu opetustoimi: Imatran peruskoulujen näkökulma": the text after
    # the colon becomes the description.
    OrganisationData(
        "Imatran seutu opetustoimi",
        Kind.MUNICIPAL_EDUCATION,
        Sector.PUBLIC,
        (ETELA_KARJALA,),
        description="Imatran peruskoulujen näkökulma",
    ),
    # A folk high school kept by an association (Raittiuden Ystävien kansanopiston
    # Kannatusyhdistys ry): third sector.
    OrganisationData("Joutsenon opisto", Kind.FOLK_HIGH_SCHOOL, Sector.THIRD, (ETELA_KARJALA,)),
    # As Imatra above: "Lappeenrannan opetustoimi: Lappeenrannan lukioiden (...) näkökulma".
    OrganisationData(
        "Lappeenrannan opetustoimi",
        Kind.MUNICIPAL_EDUCATION,
        Sector.PUBLIC,
        (ETELA_KARJALA,),
        description="Lappeenrannan lukioiden (Kimpinen ja Lyseo) näkökulma",
    ),
    # A university of applied sciences (an Oy in the LUT group), publicly funded: public.
    OrganisationData(
        "LAB-ammattikorkeakoulu",
        Kind.UNIVERSITY_OF_APPLIED_SCIENCES,
        Sector.PUBLIC,
        (ETELA_KARJALA,),
    ),
    # Kymenlaakso only.
    OrganisationData("Kymenlaakson liitto", Kind.REGIONAL_COUNCIL, Sector.PUBLIC, (KYMENLAAKSO,)),
    # The seed's "Ohjaamo Kouvola /Kouvolan kaupunki, nuorisopalvelut".
    OrganisationData(
        "Ohjaamo Kouvola",
        Kind.OHJAAMO,
        Sector.PUBLIC,
        (KYMENLAAKSO,),
        description="Kouvolan kaupunki, nuorisopalvelut",
    ),
    OrganisationData("Ohjaamo Kotka", Kind.OHJAAMO, Sector.PUBLIC, (KYMENLAAKSO,)),
    OrganisationData("Ohjaamo Hamina", Kind.OHJAAMO, Sector.PUBLIC, (KYMENLAAKSO,)),
    OrganisationData("Ohjaamo Pyhtää", Kind.OHJAAMO, Sector.PUBLIC, (KYMENLAAKSO,)),
    # Vocational adult education kept by a foundation (the city of Kouvola's 2021 news names
    # Taitaja and the Parik foundation as "säätiöt"): third sector.
    OrganisationData(
        "Aikuiskoulutus Taitaja", Kind.VOCATIONAL_SCHOOL, Sector.THIRD, (KYMENLAAKSO,)
    ),
    OrganisationData(
        "Kouvolan seudun ammattiopisto KSAO",
        Kind.VOCATIONAL_SCHOOL,
        Sector.PUBLIC,
        (KYMENLAAKSO,),
        abbreviation="KSAO",
    ),
    # Owned by the region's cities: public. "Xamk" is its own short name; the seed has none.
    OrganisationData(
        "Kaakkois-Suomen ammattikorkeakoulu",
        Kind.UNIVERSITY_OF_APPLIED_SCIENCES,
        Sector.PUBLIC,
        (KYMENLAAKSO,),
        abbreviation="Xamk",
    ),
    OrganisationData("Parik-säätiö sr", Kind.FOUNDATION, Sector.THIRD, (KYMENLAAKSO,)),
    OrganisationData(
        "Etelä-Kymenlaakson ammattiopisto EKAMI",
        Kind.VOCATIONAL_SCHOOL,
        Sector.PUBLIC,
        (KYMENLAAKSO,),
        abbreviation="EKAMI",
    ),
    # The Kotka-Hamina region municipalities' development company: an Oy, but public.
    OrganisationData("Cursor Oy", Kind.DEVELOPMENT_COMPANY, Sector.PUBLIC, (KYMENLAAKSO,)),
    # The city of Kouvola's development company: an Oy, but public.
    OrganisationData(
        "Kouvola Innovation Oy", Kind.DEVELOPMENT_COMPANY, Sector.PUBLIC, (KYMENLAAKSO,)
    ),
    # Kept by Kiipulasäätiö sr, a foundation: third sector.
    OrganisationData(
        "Kiipulan ammattiopisto, Kouvola", Kind.VOCATIONAL_SCHOOL, Sector.THIRD, (KYMENLAAKSO,)
    ),
)

OHJAAMOT = (
    "Ohjaamo Imatra",
    "Ohjaamo Lappeenranta",
    "Ohjaamo Kouvola",
    "Ohjaamo Kotka",
    "Ohjaamo Hamina",
    "Ohjaamo Pyhtää",
)


# --- Actions (seed 002, "STRATEGINEN PAINOPISTE n" slides) ----------------------------------


@dataclass(frozen=True)
class ActionData:
    title: str
    # Sub-bullets folded into the action, one per line.
    description: str = ""
    # 1-based positions of the focus area's goals the seed links the action to. None: the
    # slides set goals and actions side by side without saying which serves which, so the
    # coordinator links them in the editor.
    goals: tuple[int, ...] = ()
    # Names of the projects the action names (ProjectData.name).
    projects: tuple[str, ...] = ()
    # Numbers of the good practices the action is evidently part of (GoodPracticeData.number).
    good_practices: tuple[int, ...] = ()


# Who leads an action, who is responsible and how far it is: ``demo.seed_facts``, which
# quotes the few lines of the seed that say; the rest is not known.

# One action per bullet, in the slide's order. The slides set the "Tavoitteet" column and the
# "Toimenpiteet" column side by side and the text export runs them together; on focus area 2
# the Tavoitteet column keeps its own bullet (•) and comes first, elsewhere the two cannot be
# told apart. So every bullet of a slide is an action, as the slide's table lists it.
ACTIONS: dict[int, tuple[ActionData, ...]] = {
    1: (
        ActionData("Osaamistason nostaminen (koulutustasomittari)"),
        ActionData("Oppivelvollisuusiän nostaminen 18 ikävuoteen"),
        ActionData("Oppivat työyhteisöt, Jatkuva oppiminen työelämässä"),
        ActionData(
            "Kokonaisvaltaiset palvelut ja palvelupolut sekä henkilö- että yritysasiakkaille"
        ),
        ActionData(
            "Ohjaustoimijoiden ja työelämän yhteistyön tiivistäminen, ketteryys ja joustavuus"
        ),
        ActionData("Uraohjaus ja ohjauksen sukupuolisensitiivisyys & tekoäly"),
        # The underscore is the seed's.
        ActionData(
            "Ohjauksen eri muotojen kehittäminen, ohjausosaaminen ja digiloikka_ Pelilliset ja "
            "luovat menetelmät",
        ),
        ActionData("Ura- ja ohjauspalvelut, osaamisen tunnistaminen"),
        ActionData("Kokonaisvaltainen hyvinvointi arjessa"),
        ActionData("Rohkeita kokeiluja"),
        ActionData("Hakevaa toiminta ELO&JAO", good_practices=(8,)),
        ActionData(
            "Ohjaustaverkossa.fi; Kokonaisvaltaisten palvelupolkujen ja ohjauksen rakentaminen, "
            "ELO & JAO Asiakaspalvelun yksilöllisyys. TYPO-hankkeet, toimenpiteet.",
            good_practices=(8,),
        ),
        ActionData("Käyttökokemusten jakaminen, hyvien käytäntöjen jakaminen"),
        ActionData("Ilmiöperusteisia hankkeita ja hankintoja"),
        ActionData(
            "KASELO-Teams 22.3.2021: ESR ja EAKR-haku 22.2 - 9.4.2021, ilmiöpohjaisia teemoja & "
            "työelämäyhteistyön tiivistäminen, yms."
        ),
        ActionData("28.4.2021 Hyvät käytännöt: Uraohjaus ja sukupuolisensitiivinen ohjaus"),
        ActionData(
            "Nivelvaiheyhteistyön ja koulutustarjonnan kehittäminen: Koulutuksiin hakeutumisen "
            "ohjaus ja kehittäminen, ilmiöpohjainen hanke/hankkeet"
        ),
        ActionData(
            "Oppilaitosten ja työelämän yhteistyö, opiskelijat edistämässä työyhteisöjen "
            "kokonaishyvinvointia (harjoitustöitä, opinnäytetöitä)"
        ),
    ),
    2: (
        # First slide, Tavoitteet column (•). Same words as 000's goal 2.
        ActionData(
            "Kaikkien yrittäjyyttä tukevien tahojen yhteistyön tiivistäminen ja ohjaustyön "
            "yhteensovittaminen",
        ),
        ActionData("Työpaikkojen toimintatapoja uudistetaan oppimiseen kannustavaksi"),
        ActionData(
            "Verkostoja/ekosysteemejä valtakunnallisia ja alueellisia, alueiden välisiä, "
            "poikkihallinnollisia digiajan mahdollisuudet huomioiden"
        ),
        # First slide, Toimenpiteet column (▪).
        ActionData(
            "KASELO-strategian painopisteet 3.12.2020: 3 marraskuun Teams-työpajasta 12., 15., "
            "17.11.2020. 9.12.2021 KASELO-Tuloswebinaari"
        ),
        ActionData(
            "KASELO-toimintasuunnitelman laatiminen: TEAMS-työpajoja puheenjohtajisto ja "
            "sihteeristö 22.1., 26.1., 29.1.2021"
        ),
        ActionData(
            "KASELO-toimintasuunnitelman laatiminen: Työelämäyhteistyö & kasvu- ja "
            "kansainvälistyminen Teams-palaveri 10.2.2021"
        ),
        ActionData(
            "Yhteistyön tiivistäminen ja kehittäminen; yritykset & oppilaitokset & kolmas sektori "
            "(yksityinen, julkinen ja kolmas sektori)",
        ),
        ActionData("Uusia avauksia, innovatiivisia kokeiluja"),
        ActionData("Ilmiöpohjaisia hanke-ehdotuksia : ekosysteemit ja niiden kehittäminen"),
        ActionData(
            "Yritysrahoitus-webinaari 11.3.2021 (ELO ja LUOVAT, markkinointi, tiedon välittäminen "
            "webinaarista)"
        ),
        ActionData(
            "14.4.2021 Teams-webinaari KASELO Yhteistyöllä kohti kestävää tulevaisuutta",
            description=(
                "Uusi KASELO-visio ja strategian painopisteet\n"
                "Ekosysteemejä & tuloksia ja toimintamalleja"
            ),
        ),
        # Second slide ("jatkuu"), Tavoitteet column (•).
        ActionData("Yrittäjyyskasvatuksen osaamisen lisääminen ja jalkauttaminen"),
        ActionData("Työelämävalmiudet, yritteliäisyys, Start up:ja"),
        ActionData("Kv-opiskelijoiden kontaktit työelämään ja yrityksiin"),
        ActionData("Työperäinen maahanmuutto, kv-opiskelijat"),
        ActionData("Kasvu ja kansainvälistyminen"),
        ActionData("TKI-tiekartta & Yrityspalvelut & TalentBoost & BusinessFinland"),
        # Second slide, Toimenpiteet column (▪).
        ActionData(
            "Yrittäjyyskasvatusstrategian päivitys - webinaari ja työpaja huhti/toukokuu 2021"
        ),
        ActionData("Hyvien käytäntöjen – webinaareja / KASELO"),
        ActionData(
            "26.5.2021 TNO-foorumi ja paneeli apv ja KASELO-verkoston yhteistyöryhmän kokous / "
            "työpaja ipv",
            good_practices=(12,),
        ),
        ActionData("27.5.2021 TNO-foorumi jatkuu apv", good_practices=(12,)),
        # "Hanketoimintaa: mm." and "TalentHUB ja KOKKA-hankkeet" are one line the PDF broke;
        # the dashed sub-bullets fold into it, one per line.
        ActionData(
            "Hanketoimintaa: mm. TalentHUB ja KOKKA-hankkeet",
            description=(
                "Technology Playground –hanke\n"
                "Työnhaun Performanssi ESR\n"
                "VALTO-Valmiuksia toimia ESR\n"
                "EKAmies –hanke ESR"
            ),
            projects=(
                "TalentHUB",
                "KOKKA",
                "Technology Playground",
                "Työnhaun Performanssi",
                "VALTO-Valmiuksia toimia",
                "EKAmies",
            ),
        ),
        # The next bullet, "31.3.2021 mennessä mahdollisuus suorittaa", completes this one.
        ActionData(
            "EntreCompEDU-sähköinen yrittäjyyskasvatuskoulutus",
            description="31.3.2021 mennessä mahdollisuus suorittaa",
        ),
        ActionData("Luovan talouden tiekartta"),
    ),
    3: (
        # The two bullets after it continue the sentence ("... TE, ELY," / "oppilaitokset ...").
        ActionData(
            "Asiakaspalautteiden hyödyntäminen",
            description=(
                "Esim. Ohjaamot, TYP, Kotouttamot, TE, ELY, oppilaitokset "
                "opiskelijapalautteiden hyödyntäminen, sijoittumistiedot"
            ),
        ),
        ActionData(
            "Ohjauksen kehittäminen laajemmin työyhteisöissä ja strategisen kumppanuuden "
            "verkostoissa"
        ),
        ActionData("Nivelvaiheiden ja siirtymävaiheiden ohjaus"),
        ActionData("ohjaustaverkossa.fi"),
        ActionData("Digiosaaminen"),
        ActionData("Osaamisen ja ohjausosaamisen kehittäminen"),
        ActionData("Ennakointitiedon systemaattinen hyödyntäminen"),
        ActionData("Asiakaspalautteiden hyödyntämisen kehittämisprosessi"),
        ActionData(
            "Ohjaamot: valmennusta Tessu2- ja Osmo-hankkeet",
            projects=("TESSU2", "Osmo"),
            good_practices=(6,),
        ),
        ActionData(
            "Nivelvaiheyhteistyön ja koulutustarjonnan kehittäminen: Koulutuksiin hakeutumisen "
            "ohjaus ja kehittäminen, ilmiöpohjainen hanke/hankkeet"
        ),
        # The slide's next line, a contact person with a personal e-mail address, is left out.
        ActionData(
            "15.4.2021 klo 14-15.30 Teams Kaakkois-Suomen ELO-verkosto "
            "Ohjaustaverkossa.fi-esittely. Kohtaamo-hanke",
            projects=("Kohtaamo",),
        ),
        ActionData("Digiloikka & tekoäly"),
        ActionData("Työmarkkinatori"),
    ),
    4: (
        ActionData("Tulevaisuusohjaus, tulevaisuustietous, tulevaisuudentutkimus"),
        ActionData("Isot teemat, ilmiöpohjainen kehittäminen"),
        ActionData("Uusinajattelu tulevaisuustyössä"),
        ActionData("Luovat menetelmät työllisyyden ja yrittäjyyden edistämisessä"),
        ActionData("Palvelujen keskittäminen, sujuva palvelupolku"),
        ActionData("Osaavaa työvoimaa, työllisyyttä, yrittäjyyttä"),
        ActionData("Työpaikkoja lisää, ylialueellista yhteistyötä"),
        ActionData("Ihmisarvo ensisijainen"),
        ActionData("Ennakointitiedon yhä systemaattisempi hyödyntäminen, digitalisaatio"),
        ActionData("Jatkuva oppiminen ja palvelutarjonta"),
        # The next bullet says when and with whom the series ran; it folds in.
        ActionData(
            "Ohjaus tulevaisuuteen –webinaarisarja ja välitehtäviä",
            description="Ylialueellinen yhteistyö KASELY ja ESAELY, maaliskuu-elokuu 2021",
        ),
        ActionData("Tulevaisuusohjaus – webinaarisarja syksy 2021 KASELY ja ESAELY"),
        ActionData(
            "Ohjaushenkilöstön ja johdon (kaikkien) ajan tasalla pysyminen tulevaisuuden "
            "muutoksista, esimerkiksi tulevaisuudentutkimuksen näkökulmien tuominen ohjauksen "
            "toimijoille säännöllisellä koulutuksella"
        ),
        ActionData(
            "Tulevaisuuden tutkimuskeskuksen Tulevaisuusohjauksen menetelmät ja työkalut "
            "-opintokokonaisuus 15 op tai tulevaisuustutkimuksen perusopinnot yhteensä 25 op "
            "(jälkimmäinen yhteistyössä eri oppilaitosten kanssa esim. Kymenlaakson "
            "kesäyliopisto)",
            description="Opiskelu pääosin verkossa",
        ),
        ActionData(
            "KASELY vetänyt 10 ilmiölähtöistä työpajaa 2019-2020, ad hoc –työryhmiä, vankka "
            "pohja jatkaa"
        ),
        ActionData(
            "Parasta itää, 4 maakuntaa, Kokonaisvaltainen hyvinvointi",
            projects=("Parasta itää",),
            good_practices=(9,),
        ),
        ActionData("Opinnäytetöitä 1-2, ohjaus"),
        ActionData("EU-hankkeita ja kansallisia hankkeita, hankintoja"),
    ),
    5: (
        ActionData("Tietoon perustuva päätöksenteko"),
        ActionData("Jatkuva dialogi alueella ja valtakunnallisesti"),
        ActionData("TNO-foorumi ja ELOLIV: yhteistyön tiivistäminen", good_practices=(11, 12)),
        ActionData("Jatkuvaa päätöksenteko tietoon perustuen"),
        ActionData(
            "Parasta itää 12.1.2021; KASELY/KASELO järjestämässä yhteistyössä ESAELY, "
            "Hyvinvointivoimala: STM, TEM, OKM, RR-Elyjä",
            projects=("Parasta itää",),
            good_practices=(9,),
        ),
        ActionData(
            "KASELY/KASELO: ELOLIV -palaverien vetäminen 19.3.2021, OKM ja JYO sekä "
            "ELO-verkostoja osallistui",
            good_practices=(11,),
        ),
        ActionData(
            "KASELY/KASELO: ELOLIV -palaverin vetäminen 26.3.2021: Syksyn ELOLIV-tapahtuman "
            "toinen suunnitteluwebinaari",
            good_practices=(11,),
        ),
        ActionData(
            "KASELY/KASELO TNO-foorumin suunnitteluun kutsuttu 4.3.2021, 24.3.2021",
            good_practices=(12,),
        ),
    ),
}


# --- Indicators (seed 002, MITTARIT) -------------------------------------------------------


@dataclass(frozen=True)
class IndicatorData:
    title: str
    direction: str
    focus_areas: tuple[int, ...] = ()
    unit: str = ""
    target: int | None = None


INCREASE = Indicator.Direction.INCREASE
DECREASE = Indicator.Direction.DECREASE

# In the seed's order and wording. The seeds give no baseline, no yearly value and no target
# year, so none is set. Focus areas: focus area 1's slide names "Osaamistason nostaminen
# (koulutustasomittari)", so the education-level indicators go there; employment, companies
# and well-being at work go to focus area 2 (goal "Osaavan työvoiman, työllisyyden ja
# yrittäjyyden varmistaminen"). No slide names drop-outs, so that indicator has no focus area.
INDICATORS: tuple[IndicatorData, ...] = (
    IndicatorData("Osaamistason nostaminen (koulutustasomittari)", INCREASE, (1,)),
    IndicatorData("Ilman perusasteen jälkeistä tutkintoa olevien määrä vähenee", DECREASE, (1,)),
    IndicatorData("Toinen aste tutkinnon suorittaneiden osuus kasvaa", INCREASE, (1,)),
    IndicatorData("Korkea-aste tutkinnon suorittaneiden osuus kasvaa", INCREASE, (1,)),
    IndicatorData("Koulutuksen keskeyttämisen väheneminen", DECREASE),
    IndicatorData("Työllisyysasteen nouseminen 75 %:iin", INCREASE, (2,), unit="%", target=75),
    IndicatorData(
        "Yritysten määrän kasvun ja kehityksen tukeminen, osaavaa työvoimaa, elinkeinojen "
        "uusiutuminen",
        INCREASE,
        (2,),
    ),
    IndicatorData("Työelämän kehittäminen: työhyvinvointi", INCREASE, (2,)),
)


# --- Projects (seeds 000 and 002) ----------------------------------------------------------


@dataclass(frozen=True)
class ProjectData:
    name: str
    #: One funding line a source; UNKNOWN where the seeds name none. Amounts and periods
    #: the seeds never give: they stay unknown.
    funding: tuple[str, ...] = (Funding.UNKNOWN,)
    description: str = ""


# Funding as the seeds write it ("Työnhaun Performanssi ESR", "Ruuti-hanke ESR", ...); the
# actions naming a project are in ACTIONS. Left out on purpose: the national ones of 000 and
# 002 (Opinto-ohjauksen kehittämisohjelma, perhevapailta töihin, uraohjausta työpaikalla,
# työllisyyden kuntakokeilut), which are not KASELO's; EntreCompEDU is a course and
# Ohjaustaverkossa.fi a service, not projects.
PROJECTS: tuple[ProjectData, ...] = (
    ProjectData("TalentHUB"),  # 002, focus area 2
    ProjectData("KOKKA"),  # 002, focus area 2
    ProjectData("Technology Playground"),  # 002, focus area 2
    ProjectData("Työnhaun Performanssi", (Funding.ESR,)),  # 002, focus area 2 and February
    ProjectData("VALTO-Valmiuksia toimia", (Funding.ESR,)),  # 002, focus area 2 and February
    ProjectData("EKAmies", (Funding.ESR,)),  # 002, focus area 2
    # 002 writes TESSU2, 000 "Tessu2"; the project trains the Ohjaamot (000, practice 6).
    ProjectData("TESSU2"),
    ProjectData("Osmo"),  # 002, focus area 3
    ProjectData("Ruuti", (Funding.ESR,)),  # 002, January: "Ruuti-hanke ESR"
    ProjectData("Kohtaamo"),  # 002, focus area 3
    # A programme, not a project (000: "PARASTA ITÄÄ-ohjelma", STM and Itä-Suomen
    # hyvinvointivoimala); 002 lists it under focus areas 4 and 5.
    ProjectData(
        "Parasta itää",
        description="Ohjelma: monialainen ja monihallinnollinen yhteistyö Itä- ja "
        "Kaakkois-Suomessa, aloitetaan piloteilla.",
    ),
)


# --- Good practices (seed 000) -------------------------------------------------------------


@dataclass(frozen=True)
class GoodPracticeData:
    number: int
    title: str
    organisations: tuple[str, ...] = ()
    focus_areas: tuple[int, ...] = ()
    # The lines 000 gives under the practice, one a line; most come from its slide "KASELO
    # syksy 2021: ELOLIV2021", whose boxes carry the practices' names.
    description: str = ""


# 000, "HYVÄT KÄYTÄNNÖT", titles verbatim. Links only where the title names them: the
# actions of a practice are in ACTIONS (ActionData.good_practices).
GOOD_PRACTICES: tuple[GoodPracticeData, ...] = (
    GoodPracticeData(
        1,
        "Kaakkois-Suomen Yrittäjyyskasvatustiimi",
        description="Päivitetyn Kaakkois-Suomen Yrittäjyyskasvatusstrategian jalkauttaminen",
    ),
    GoodPracticeData(
        2,
        "Kaakkois-Suomen Työelämäyhteistyöpajat",
        description="Yritys yhteistyön työpajoja: Team Finland, oppilaitokset, TE, kunnat, jne.",
    ),
    # The box, and the autumn calendar's line under "Kaakon OPO-tiimi".
    GoodPracticeData(
        3,
        "Kaakon OPO-tiimi",
        description=(
            "Uraohjaajia ja opinto-ohjaajia\n"
            "Oppivelvollisuuden nostaminen 18 v.\n"
            "Osaavaa työvoimaa ja yritys yhteistyötä\n"
            "Hyvät uraohjaus ja opinto-ohjauskäytännöt"
        ),
    ),
    GoodPracticeData(
        4,
        "Kaakkois-Suomen Kasvutyöpajat: verkostoyhteistyö, yrittäjät ja yrittäjäksi aikovat",
    ),
    GoodPracticeData(
        5,
        "KASELY&TE: KASELO & TE-palvelustrategia, Työllisyysohjelmat, ilmiölähtöiset teemat ja "
        "hankkeet",
        organisations=(ELY, TE),
        description=(
            "Työelämäyhteistyön ja yritys yhteistyön tiivistäminen\nTyöelämässä oppiminen ja ohjaus"
        ),
    ),
    # Focus area 3's action "Ohjaamot: valmennusta Tessu2- ja Osmo-hankkeet".
    GoodPracticeData(
        6,
        "Kaakkois-Suomen Ohjaamot: räätälöityjä valmennuksia, Tessu2 -hanke, Auli Sesay, JAMK",
        organisations=OHJAAMOT,
        description="Täsmävalmennusta\nTyöelämäyhteistyön tiivistäminen",
    ),
    GoodPracticeData(
        7,
        "Työelämässä oppimisen ja ohjaus ylläalueellinen kehittäminen KAS & ESA: hakeva "
        "toiminta, aikuisopiskelun rahoitus",
    ),
    # Focus area 1's actions name ELO & JAO.
    GoodPracticeData(8, "ELO & JAO: Yhteiset"),
    # Focus areas 4 and 5 name Parasta itää.
    # 000, Palola and Mäkinen (STM, Itä-Suomen hyvinvointivoimala) on the programme.
    GoodPracticeData(
        9,
        "Parasta itää-ohjelma",
        description=(
            "Ohjelma aloitetaan piloteilla, jotka voivat kohdentua esim. seuraaviin Itä- ja "
            "Kaakkois-Suomessa tunnistettuihin teemoihin:\n"
            "Nivelvaiheeseen 6.–7.-luokat tai 8.–10.-luokat ja toinen aste, huomioiden "
            "oppivelvollisuusiän laajeneminen 18 ikävuoteen\n"
            "Ylisukupolvisen huono-osaisuuden ja eriarvoistumisen vähentämiseen\n"
            "Nuorten työllistymisen edistämiseen\n"
            "Yritteliäisyyteen ja yrittäjämäiseen toimintaan kannustamiseen (mukaan lukien "
            "yhteiskunnallinen yrittäjäyys ja projektitoiminta)"
        ),
    ),
    GoodPracticeData(
        10,
        "KASELO JA ESAVI: Tulevaisuuswebinaareja ja yrittäjyystyöpajoja. Verkosto osallistuu "
        "suunnitteluun.",
        organisations=(ELY, AVI),
        description=(
            "Kaakkois-Suomen ELY-keskus ja Etelä-Suomen aluehallintovirasto suunnittelevat ja "
            "toteuttavat yhteistyössä syksyllä 2021 seuraavat tulevaisuusohjaus webinaarit & "
            "työpajat\n"
            "2 webinaaria syksyllä"
        ),
    ),
    # Focus area 5 names ELOLIV; focus areas 2 and 5 name the TNO forum.
    GoodPracticeData(11, "ELOLIV: valtakunnallinen, vertaisoppiminen ja hyvät käytännöt"),
    GoodPracticeData(12, "TNO: valtakunnallinen, KEHA"),
)


# --- Events of 2021 (seeds 002 and 000) ----------------------------------------------------


@dataclass(frozen=True)
class EventData:
    starts_on: dt.date
    title: str
    kind: str
    # MORNING for "apv", AFTERNOON for "ipv"; an event with hours is TIMED whatever this says.
    day_part: str = DayPart.UNSPECIFIED
    # Start and end time where the seed gives hours ("klo 9-12").
    hours: tuple[dt.time, dt.time] | None = None
    description: str = ""
    organisers: tuple[str, ...] = ()
    partner_regions: tuple[str, ...] = ()
    focus_areas: tuple[int, ...] = ()
    projects: tuple[str, ...] = ()
    materials_url: str = ""


def _d(day: int, month: int) -> dt.date:
    return dt.date(2021, month, day)


def _t(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


# Organisers only where the seed names who runs the event (``demo.seed_facts.EVENT_ORGANISERS``
# quotes the line); KASELY/KASELO is the ELY centre. The channel is not here: the seeds name
# Teams for some events and nothing for the rest (``demo.seed_facts.event_channel``). Focus areas
# where a focus area's slide lists the event. A line listing several dates is one event per
# date. Left out: items without a day ("Ohjausryhmiä ESR-hankkeissa ja kansallisissa",
# "Yrittäjyyskasvatusstrategian päivitys ... huhti/toukokuu 2021"), the November 2020
# workshops, and the 31.3.2021 EntreCompEDU deadline, which is no event.
EVENTS: tuple[EventData, ...] = (
    # 002, TAMMIKUU.
    EventData(
        _d(12, 1),
        "Parasta itää",
        EventKind.OTHER,
        # The calendar: "KASELO & E-SAVO &4 muuta maakuntaa & RR:t &STM&TEM&OKM"; focus area 5:
        description=(
            "KASELY/KASELO järjestämässä yhteistyössä ESAELY, Hyvinvointivoimala: STM, TEM, OKM, "
            "RR-Elyjä"
        ),
        organisers=(ELY,),
        partner_regions=("Etelä-Savo",),
        focus_areas=(5,),
        projects=("Parasta itää",),
    ),
    EventData(
        _d(13, 1),
        "ELO & JAO Kaakkois-Suomi ja Etelä-Savo",
        EventKind.ELO_JAO,
        partner_regions=("Etelä-Savo",),
    ),
    EventData(
        _d(14, 1),
        "ELO & JAO Kaakkois-Suomi ja Häme",
        EventKind.ELO_JAO,
        partner_regions=("Häme",),
    ),
    EventData(
        _d(21, 1),
        "ELOLIV: toim.suunn.",
        EventKind.ELOLIV,
        description="Muuta ylialueellista yhteistyötä",
    ),
    *(
        EventData(
            day,
            "KASELO-toimintasuunnitelman laatiminen: työpaja, puheenjohtajisto ja sihteeristö",
            EventKind.WORKSHOP,
            focus_areas=(2,),
        )
        for day in (_d(22, 1), _d(26, 1), _d(29, 1))
    ),
    EventData(_d(26, 1), "Häme RR -palaveri", EventKind.OTHER, partner_regions=("Häme",)),
    # 002, HELMIKUU.
    EventData(
        _d(2, 2), "Parasta itää + ELO-toim.suunn.", EventKind.OTHER, projects=("Parasta itää",)
    ),
    *(
        EventData(
            day,
            "ELO & JAO Kaakkois-Suomi ja Etelä-Savo",
            EventKind.ELO_JAO,
            partner_regions=("Etelä-Savo",),
        )
        for day in (_d(3, 2), _d(24, 2))
    ),
    EventData(_d(4, 2), "ELOLIV: toim.suunn.", EventKind.ELOLIV),
    EventData(
        _d(9, 2),
        "Hämeen ja Kaakon yhteistapaaminen",
        EventKind.NETWORK_MEETING,
        partner_regions=("Häme",),
    ),
    EventData(
        _d(10, 2),
        "KASELO-toimintasuunnitelman laatiminen: Työelämäyhteistyö & kasvu- ja kansainvälistyminen",
        EventKind.NETWORK_MEETING,
        # 002, "Taustaa KASELO".
        description=(
            "Työelämäyhteistyö ja yrittäjyysnäkökulmat uudessa KASELO-toimintasuunnitelmassa"
        ),
        focus_areas=(2,),
    ),
    EventData(
        _d(17, 2),
        "Työnhaun Performanssi",
        EventKind.OTHER,
        description="ESR",
        projects=("Työnhaun Performanssi",),
    ),
    # 002, "Kaakkois-Suomen Ohjaamoissa 2021": chaired by the ELY centre, with TESSU2.
    EventData(
        _d(18, 2),
        "Ajankohtaiskatsaus kevät 1 Kaakkois-Suomen Ohjaamot-työryhmä",
        EventKind.OHJAAMO_MEETING,
        description=(
            "Tarvelähtöinen keskustelu. Teemana: vuonna 2021 valmennusta Ohjaamoille ja "
            "koordinaattoreille."
        ),
        organisers=(ELY,),
        projects=("TESSU2",),
    ),
    EventData(
        _d(22, 2),
        "VALTO-Valmiuksia toimia",
        EventKind.OTHER,
        description="ESR",
        projects=("VALTO-Valmiuksia toimia",),
    ),
    EventData(
        _d(23, 2),
        "ELO & JAO Kaakkois-Suomi ja Häme",
        EventKind.ELO_JAO,
        partner_regions=("Häme",),
    ),
    EventData(
        _d(25, 2),
        "KASELO-Visio, Strategia ja Toimintasuunnitelmaluonnos",
        EventKind.NETWORK_MEETING,
    ),
    EventData(_d(25, 2), "Kaakkois-Suomen Uskalla Yrittää aluefinaali", EventKind.OTHER),
    # 002, MAALISKUU, and focus areas 1, 2 and 5.
    *(
        EventData(
            day,
            "TNO-foorumin suunnittelu",
            EventKind.TNO_FORUM,
            description="KASELY/KASELO TNO-foorumin suunnitteluun kutsuttu",
            focus_areas=(5,),
        )
        for day in (_d(4, 3), _d(24, 3))
    ),
    EventData(
        _d(11, 3),
        "KASELO ja LUOVAT Yritysrahoitus",
        EventKind.WEBINAR,
        description=(
            "CreMa, CreaDemo, DigiDemo, Kehpat, Kehittämisavustus sekä Maaseutuohjelman rahoitusta"
        ),
        focus_areas=(2,),
    ),
    EventData(
        _d(19, 3),
        "ELOLIV-palaveri",
        EventKind.ELOLIV,
        description="OKM ja JYO sekä ELO-verkostoja osallistui",
        organisers=(ELY,),
        focus_areas=(5,),
    ),
    EventData(
        _d(22, 3),
        "KASELO-Teams: ESR ja EAKR-haku",
        EventKind.NETWORK_MEETING,
        description=(
            "ESR ja EAKR-haku 22.2 - 9.4.2021, ilmiöpohjaisia teemoja & työelämäyhteistyön "
            "tiivistäminen, yms."
        ),
        focus_areas=(1,),
    ),
    # The calendar's "26.3.201" is 26.3.2021 (focus area 5 gives the full date).
    EventData(
        _d(26, 3),
        "Syksyn ELOLIV-tapahtuman toinen suunnitteluwebinaari",
        EventKind.ELOLIV,
        organisers=(ELY,),
        focus_areas=(5,),
    ),
    # 002, HUHTIKUU, and focus areas 1, 2 and 3.
    EventData(
        _d(9, 4),
        "Ajankohtaiskatsaus kevät 2 Kaakkois-Suomen Ohjaamot-työryhmä",
        EventKind.OHJAAMO_MEETING,
        hours=(_t(12), _t(13)),
    ),
    # 003: the national ELO forum of the ministry (TEM), on the national strategy's plan of
    # measures and its follow-up. Events belong to a region, and the forum to none: it is
    # kept with KASELO, whose material holds the deck.
    EventData(
        _d(9, 4),
        "ELO-foorumi",
        EventKind.ELO_FORUM,
        description=(
            "Työ- ja elinkeinoministeriön valtakunnallinen ELO-foorumi. Asialista: "
            "puheenjohtajan tervehdys; elinikäisen ohjauksen strategian tilanteen esittely; "
            "strategian toimenpidesuunnitelma sekä toteutumisen seuranta ja keskustelu; "
            "keskustelun yhteenveto; muut asiat."
        ),
    ),
    EventData(
        _d(14, 4),
        "KASELO Yhteistyöllä kohti kestävää tulevaisuutta",
        EventKind.WEBINAR,
        hours=(_t(12), _t(14, 30)),
        description=(
            "Uusi KASELO-visio ja strategian painopisteet. Ekosysteemejä & tuloksia ja "
            "toimintamalleja."
        ),
        focus_areas=(2,),
    ),
    EventData(
        _d(15, 4),
        "Kaakkois-Suomen ELO-verkosto Ohjaustaverkossa.fi-esittely",
        EventKind.WEBINAR,
        hours=(_t(14), _t(15, 30)),
        description="Kohtaamo-hanke",
        focus_areas=(3,),
        projects=("Kohtaamo",),
    ),
    EventData(_d(23, 4), "ELOLIV-palaveri", EventKind.ELOLIV),
    # The calendar's "28.42021" is 28.4.2021 (focus area 1 gives the full date). The network
    # runs the good-practice webinars (focus area 2: "Hyvien käytäntöjen – webinaareja /
    # KASELO"); which organisation does, the seed does not say.
    EventData(
        _d(28, 4),
        "Hyvät käytännöt: Uraohjaus ja sukupuolisensitiivinen ohjaus",
        EventKind.WEBINAR,
        hours=(_t(9), _t(10, 30)),
        focus_areas=(1,),
    ),
    # 002, TOUKOKUU, and focus area 2.
    EventData(
        _d(26, 5),
        "TNO-foorumi",
        EventKind.TNO_FORUM,
        day_part=DayPart.MORNING,
        description="TNO-foorumi ja paneeli",
        focus_areas=(2,),
    ),
    EventData(
        _d(26, 5),
        "KASELO-verkoston yhteistyöryhmän kokous / työpaja",
        EventKind.NETWORK_MEETING,
        day_part=DayPart.AFTERNOON,
        focus_areas=(2,),
    ),
    EventData(
        _d(27, 5),
        "TNO-foorumi jatkuu",
        EventKind.TNO_FORUM,
        day_part=DayPart.MORNING,
        focus_areas=(2,),
    ),
    # 002: "Ajankohtaista ohjaamoista TEM Teams-palaveri", monthly.
    *(
        EventData(day, "Ajankohtaista ohjaamoista TEM", EventKind.OHJAAMO_MEETING)
        for day in (_d(28, 1), _d(25, 2), _d(25, 3), _d(29, 4), _d(27, 5))
    ),
    # 000, SYKSY 2021.
    *(
        EventData(day, "Ajankohtaista Kaakkois-Suomen Ohjaamot", EventKind.OHJAAMO_MEETING)
        for day in (_d(25, 8), _d(15, 9), _d(30, 11))
    ),
    EventData(
        _d(31, 8), "Rahoitushakuinfo REACT-EU ja ESR KASELO ja LUOVAT-verkostolle", EventKind.OTHER
    ),
    *(
        EventData(
            day,
            "Kaakon OPO-tiimi",
            EventKind.NETWORK_MEETING,
            description="Hyvät uraohjaus ja opinto-ohjauskäytännöt",
        )
        for day in (_d(1, 9), _d(3, 11))
    ),
    EventData(
        _d(10, 9),
        "Ajankohtaiskatsaus KASELO syksy 2021",
        EventKind.NETWORK_MEETING,
    ),
    # KASELY/KASELO led the planning meetings of "Syksyn ELOLIV-tapahtuma" (002, focus area 5),
    # not the event, which has no organiser named; the materials link is 000's.
    EventData(
        _d(16, 9),
        "ELOLIV2021",
        EventKind.ELOLIV,
        description="Valmistelua keväällä 2021 ja alkusyksystä",
        focus_areas=(5,),
        materials_url="https://peda.net/hankkeet/elotori/eloliv/eloliv-2021",
    ),
    EventData(_d(8, 10), "Opintojen aikaisen elämän rahoittamisen vaihtoehdot", EventKind.OTHER),
    EventData(
        _d(21, 10),
        "Kaakkois-Suomen ELO-yhteistyöryhmien kokous ja työpaja",
        EventKind.NETWORK_MEETING,
    ),
    # "Kaakkois-Suomen ELY-keskus ja Etelä-Suomen aluehallintovirasto suunnittelevat ja
    # toteuttavat ... tulevaisuusohjaus webinaarit & työpajat"; future guidance is focus area 4's
    # (its "Tulevaisuusohjaus – webinaarisarja syksy 2021").
    EventData(
        _d(22, 10),
        "Positiivinen tulevaisuus - Nuorten tulevaisuuslukutaito",
        EventKind.WEBINAR,
        hours=(_t(9), _t(12)),
        organisers=(ELY, AVI),
        focus_areas=(4,),
    ),
    EventData(
        _d(22, 10),
        "Yrittäjyystyöpaja",
        EventKind.WORKSHOP,
        hours=(_t(13), _t(14)),
        organisers=(ELY, AVI),
    ),
    EventData(
        _d(3, 12),
        "Tulevaisuus YHDESSÄ muotoillen",
        EventKind.WEBINAR,
        hours=(_t(9), _t(12)),
        organisers=(ELY, AVI),
        focus_areas=(4,),
    ),
    # Also on focus area 2's slide ("9.12.2021 KASELO-Tuloswebinaari").
    EventData(
        _d(9, 12),
        "KASELO Tuloswebinaari",
        EventKind.WEBINAR,
        hours=(_t(9), _t(11, 30)),
        focus_areas=(2,),
    ),
)
