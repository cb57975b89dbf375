"""Keski-Suomi's ELO network as seed 004 tells it (2009-2013): the profile, the strategy day
and the two projects the seed names.

Only what the seed says: who chairs the group, who its members are, its term and its web
address are not given, so they stay empty and the pages show them as not known. ELOPELTO's
learning cafés are monthly but undated, so they are told in the profile, not loaded as
events. The funding of Opin ovi and Studio is not given: each has one funding line of an
unknown source. Running the loader again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import TextIOBase

from django.db import transaction

from events.models import Event
from network.models import Region
from network.reference import write_row
from portal.review import ReviewStatus
from strategy.models import FundingLine, FundingSource, Project, RegionProfile

REGION = "keski-suomi"

DESCRIPTION = (
    "Keski-Suomen elinikäisen ohjauksen (ELO) verkoston ydin on ELY-keskuksen vetämä "
    "ELO-ryhmä. Ryhmä on kokoonpanoltaan tietoisesti melko suppea, mutta jokaisessa "
    "kokouksessa kuullaan eri sektoreiden asiantuntijoita. Yhdessä Studio-hankkeen kanssa "
    "toteutettu ELOPELTO on kaikille avoin learning cafe -tyyppinen oppimis- ja "
    "tutustumistilaisuus kerran kuussa: alustuksen pohjalta pohditaan yhdessä, mitkä "
    "haasteista voidaan ratkaista omalla alueella ja mitkä vaativat valtakunnan tason toimia "
    "(ELOPELTO jatkuu ELY-vetoisena vuonna 2014)."
)

HISTORY = (
    "Alueellisen Opin ovi -hankkeen strategiaryhmä toimi vuosina 2009-2010. Ryhmästä "
    "muodostettiin maakunnallinen elinikäisen ohjauksen kehittämisryhmä vuonna 2011; se "
    "toimi aluksi Opin ovi -hankkeen fasilitoimana ja siitä tuli MYR:n alaisen osaamis- ja "
    "työllisyystyöryhmän alaryhmä. Opin ovi -hanke teki maakunnallisen "
    "aikuisohjausstrategian.\n\n"
    "Vuonna 2012 tehtiin ELYTempo-koulutusohjelmassa ELO-selvitys ELY-keskusten roolista "
    "elinikäisen ohjauksen koordinaattoreina ja Keski-Suomen keskeisten toimijoiden "
    "näkemyksistä. Kehittämisryhmä kokosi yhteistä näkemystä, selvitti eri toimijoiden "
    "roolia ja suunnitteli vuoden 2013 toimintaa.\n\n"
    "Vuonna 2013 ELO-ryhmä siirtyi ELY-vetoiseksi. Nuorisotakuun ja välityömarkkinoiden "
    "kehittäminen kytkettiin samaan strategiseen kontekstiin ELO-kehittämisen kanssa, "
    "strategiatyön tueksi perustettiin Pedanet-verkkosivusto, ja OKM:n erityisavustuksella "
    "palkattiin kolmeksi kuukaudeksi projektisuunnittelija tuotteistamaan moniammatillista "
    "ELO-verkostotyötä. Elinikäisen ohjauksen strategiapäivä pidettiin 10.12.2013."
)

GROUP_NAME = "ELO-ryhmä"
# "ELO-ryhmä siirtyi ELY-vetoiseksi ja kokoontuu nyt joka toinen kuukausi" (2013).
MEETING_RHYTHM = "Joka toinen kuukausi (vuodesta 2013)"

STRATEGY_DAY = "Elinikäisen ohjauksen strategiapäivä"
STRATEGY_DAY_ON = dt.date(2013, 12, 10)
STRATEGY_DAY_DESCRIPTION = (
    "Mukaan kutsutaan ELO-ryhmän lisäksi iso joukko avaintoimijoita ja niitä tahoja, joita ei "
    "ole vielä ehditty kuulla (esim. poliisi, seurakuntien nuorisotyö, 4H-toiminta, "
    "urheiluseurat). Päivän tavoitteena on nostaa esille ne asiat, joiden kehittämiseen "
    "vuonna 2014 yhteisesti keskitytään ja sitoudutaan; keskustelussa on mukana myös alkava "
    "uusi rakennerahastokausi. Päivän aikana syntyy ELO-toimintasuunnitelma."
)

#: name → description; the seed gives neither funding nor dates.
PROJECTS: dict[str, str] = {
    "Opin ovi": (
        "Alueellinen hanke, jonka strategiaryhmä toimi vuosina 2009-2010 ja josta "
        "muodostettiin maakunnallinen elinikäisen ohjauksen kehittämisryhmä vuonna 2011. "
        "Hanke teki maakunnallisen aikuisohjausstrategian."
    ),
    "Studio": "Hanke, jonka kanssa ELO-ryhmä toteutti ELOPELTO-learning cafét kerran kuussa.",
}


@transaction.atomic
def load_keski_suomi(stdout: TextIOBase) -> Counter[str]:
    """Write seed 004's rows; return how many of each were created or changed."""
    done: Counter[str] = Counter()
    region = Region.objects.get(slug=REGION)
    _, action = write_row(
        RegionProfile,
        {"region": region},
        {
            "description": DESCRIPTION,
            "network_history": HISTORY,
            "group_name": GROUP_NAME,
            "meeting_rhythm": MEETING_RHYTHM,
        },
    )
    done[action] += 1
    for name, description in PROJECTS.items():
        project, action = write_row(
            Project, {"region": region, "name": name}, {"description": description}
        )
        done[action] += 1
        if not FundingLine.objects.filter(project=project).exists():
            FundingLine.objects.create(project=project, source=FundingSource.UNKNOWN)
            done["created"] += 1
    _, action = write_row(
        Event,
        {"region": region, "title": STRATEGY_DAY, "starts_on": STRATEGY_DAY_ON},
        {
            "ends_on": STRATEGY_DAY_ON,
            "kind": Event.Kind.NETWORK_MEETING,
            "day_part": Event.DayPart.UNSPECIFIED,
            # "kuten kaikissa ELO-verkostotapaamisissa ... tavata uusia ihmisiä face-to-face".
            "channel": Event.Channel.ON_SITE,
            "description": STRATEGY_DAY_DESCRIPTION,
            "review_status": ReviewStatus.ACCEPTED,
        },
    )
    done[action] += 1
    stdout.write(
        f"Keski-Suomi (seed 004): a profile, {len(PROJECTS)} projects and 1 event; "
        f"rows created: {done['created']}, updated: {done['updated']}.\n"
    )
    return done
