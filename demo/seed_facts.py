# The seeds' Finnish uses the en dash; it is kept verbatim.
# ruff: noqa: RUF001, RUF003
"""What the seeds state about who does KASELO's actions, how far they are and how its
events were held: the only such values the demo loads. Everything else is "not known".

Each entry quotes the seed line it rests on. The loader reads this module, and
``tests/demo/`` walks the loaded rows against it, so a value the seeds leave open cannot
be shown as known without a line here saying where the seed says it.

Actions are named by their title in ``demo.kaselo.ACTIONS``, events by (date, title) in
``demo.kaselo.EVENTS``; organisations by their name in ``demo.kaselo.ORGANISATIONS``.
"""

import datetime as dt

from demo.kaselo import AVI, ELY, TE
from events.models import Event
from strategy.models import Action

# --- Plan actions (seed 002, the "STRATEGINEN PAINOPISTE n" slides) -----------------------

#: Status where the seed says in words how far the action is. No other action's status is
#: stated: a date in an action's text says when something is planned, not that it was done.
ACTION_STATUS: dict[str, str] = {
    # 002, focus area 4: "KASELY vetänyt 10 ilmiölähtöistä työpajaa 2019-2020" (has led).
    "KASELY vetänyt 10 ilmiölähtöistä työpajaa 2019-2020, ad hoc –työryhmiä, vankka pohja "
    "jatkaa": Action.Status.DONE,
    # 002, focus area 5: "... ELOLIV -palaverien vetäminen 19.3.2021, OKM ja JYO sekä
    # ELO-verkostoja osallistui" (took part).
    "KASELY/KASELO: ELOLIV -palaverien vetäminen 19.3.2021, OKM ja JYO sekä ELO-verkostoja "
    "osallistui": Action.Status.DONE,
}

#: Lead organisation where the seed names who leads or runs the action (KASELY is the ELY
#: centre). Every other action's lead is not known.
ACTION_LEAD: dict[str, str] = {
    # 002, focus area 4: "KASELY vetänyt ...".
    "KASELY vetänyt 10 ilmiölähtöistä työpajaa 2019-2020, ad hoc –työryhmiä, vankka pohja "
    "jatkaa": ELY,
    # 002, focus area 5: "KASELY/KASELO järjestämässä yhteistyössä ESAELY ...".
    "Parasta itää 12.1.2021; KASELY/KASELO järjestämässä yhteistyössä ESAELY, "
    "Hyvinvointivoimala: STM, TEM, OKM, RR-Elyjä": ELY,
    # 002, focus area 5: "KASELY/KASELO: ELOLIV -palaverien vetäminen ...".
    "KASELY/KASELO: ELOLIV -palaverien vetäminen 19.3.2021, OKM ja JYO sekä ELO-verkostoja "
    "osallistui": ELY,
    "KASELY/KASELO: ELOLIV -palaverin vetäminen 26.3.2021: Syksyn ELOLIV-tapahtuman toinen "
    "suunnitteluwebinaari": ELY,
}

#: Responsible bodies by focus area, where the slide's column "Toimenpiteet, Vastuutahot,
#: Seuranta" fills them in: only focus area 1's does ("KASELY & TE; KASELO-verkosto").
#: The other four slides leave the column's heading without a name.
FOCUS_AREA_RESPONSIBLES: dict[int, tuple[tuple[str, ...], str]] = {
    1: ((ELY, TE), "KASELO-verkosto"),
}

# --- Events of 2021 (seeds 002 and 000) -----------------------------------------------------

#: The place an online event names: the seeds say "Teams" and nothing else.
TEAMS = "Teams"


def _d(day: int, month: int) -> dt.date:
    return dt.date(2021, month, day)


#: Events the seeds say were held on Teams; every other event's channel is not known.
TEAMS_EVENTS: frozenset[tuple[dt.date, str]] = frozenset(
    {
        # 002, TAMMIKUU: "TEAMS-työpajoja pj ja sihteeristö 22.1., 26.1., 29.1.2021".
        *(
            (
                day,
                "KASELO-toimintasuunnitelman laatiminen: työpaja, puheenjohtajisto ja sihteeristö",
            )
            for day in (_d(22, 1), _d(26, 1), _d(29, 1))
        ),
        # 002: "Ajankohtaista ohjaamoista TEM Teams-palaveri" 28.1., 25.2., 25.3., 29.4., 27.5.
        *(
            (day, "Ajankohtaista ohjaamoista TEM")
            for day in (_d(28, 1), _d(25, 2), _d(25, 3), _d(29, 4), _d(27, 5))
        ),
        # 002: "Häme RR Teams-palaveri 26.1.2021".
        (_d(26, 1), "Häme RR -palaveri"),
        # 002: "... kansainvälistyminen Teams-palaveri 10.2.2021".
        (
            _d(10, 2),
            "KASELO-toimintasuunnitelman laatiminen: Työelämäyhteistyö & kasvu- ja "
            "kansainvälistyminen",
        ),
        # 002: "Ajankohtaiskatsaus kevät 1 ... Ohjaamot-työryhmä Teams-palaveri 18.2.2021".
        (_d(18, 2), "Ajankohtaiskatsaus kevät 1 Kaakkois-Suomen Ohjaamot-työryhmä"),
        # 002: "KASELO-Visio, Strategia ja Toimintasuunnitelmaluonnos 25.2.2021 Teams".
        (_d(25, 2), "KASELO-Visio, Strategia ja Toimintasuunnitelmaluonnos"),
        # 002: "KASELO ja LUOVAT Yritysrahoitus Teams 11.3.2021".
        (_d(11, 3), "KASELO ja LUOVAT Yritysrahoitus"),
        # 002: "19.3.2021 ELOLIV: Teams", "26.3.201 ELOLIV: Teams", "23.4.2021 ELOLIV: Teams".
        (_d(19, 3), "ELOLIV-palaveri"),
        (_d(26, 3), "Syksyn ELOLIV-tapahtuman toinen suunnitteluwebinaari"),
        (_d(23, 4), "ELOLIV-palaveri"),
        # 002, focus area 1: "KASELO-Teams 22.3.2021: ESR ja EAKR-haku".
        (_d(22, 3), "KASELO-Teams: ESR ja EAKR-haku"),
        # 002: "Ajankohtaiskatsaus kevät 2 ... Teams-palaveri 9.4.2021 klo 12-13".
        (_d(9, 4), "Ajankohtaiskatsaus kevät 2 Kaakkois-Suomen Ohjaamot-työryhmä"),
        # 002: "KASELO Teams – Webinaari Yhteistyöllä kohti kestävää tulevaisuutta".
        (_d(14, 4), "KASELO Yhteistyöllä kohti kestävää tulevaisuutta"),
        # 002, focus area 3: "15.4.2021 klo 14-15.30 Teams Kaakkois-Suomen ELO-verkosto".
        (_d(15, 4), "Kaakkois-Suomen ELO-verkosto Ohjaustaverkossa.fi-esittely"),
        # 000: "25.8.2021, 15.9.2021 ja 30.11.2021 Ajankohtaista Kaakkois-Suomen Ohjaamot Teams".
        *(
            (day, "Ajankohtaista Kaakkois-Suomen Ohjaamot")
            for day in (_d(25, 8), _d(15, 9), _d(30, 11))
        ),
        # 000: "1.9.2021 Kaakon OPO-tiimi ja 3.11.2021 Kaakon OPO-tiimi, Teams".
        *((day, "Kaakon OPO-tiimi") for day in (_d(1, 9), _d(3, 11))),
        # 000: "10.9.2021 Ajankohtaiskatsaus KASELO syksy 2021, Teams".
        (_d(10, 9), "Ajankohtaiskatsaus KASELO syksy 2021"),
        # 000: "8.10.2021 Opintojen aikaisen elämän rahoittamisen vaihtoehdot – Teams".
        (_d(8, 10), "Opintojen aikaisen elämän rahoittamisen vaihtoehdot"),
    }
)

#: Organisers where the seed names who runs the event; every other event has none named.
EVENT_ORGANISERS: dict[tuple[dt.date, str], tuple[str, ...]] = {
    # 002, focus area 5: "Parasta itää 12.1.2021; KASELY/KASELO järjestämässä".
    (_d(12, 1), "Parasta itää"): (ELY,),
    # 002: "Teams-palaveri 18.2.2021 ..., jossa Ritva Kaikkonen pj:na" (the ELY centre's).
    (_d(18, 2), "Ajankohtaiskatsaus kevät 1 Kaakkois-Suomen Ohjaamot-työryhmä"): (ELY,),
    # 002, focus area 5: "KASELY/KASELO: ELOLIV -palaverien vetäminen 19.3.2021".
    (_d(19, 3), "ELOLIV-palaveri"): (ELY,),
    # 002, focus area 5: "KASELY/KASELO: ELOLIV -palaverin vetäminen 26.3.2021".
    (_d(26, 3), "Syksyn ELOLIV-tapahtuman toinen suunnitteluwebinaari"): (ELY,),
    # 000: "Kaakkois-Suomen ELY-keskus ja Etelä-Suomen aluehallintovirasto suunnittelevat ja
    # toteuttavat yhteistyössä syksyllä 2021 seuraavat tulevaisuusohjaus webinaarit &
    # työpajat".
    (_d(22, 10), "Positiivinen tulevaisuus - Nuorten tulevaisuuslukutaito"): (ELY, AVI),
    (_d(22, 10), "Yrittäjyystyöpaja"): (ELY, AVI),
    (_d(3, 12), "Tulevaisuus YHDESSÄ muotoillen"): (ELY, AVI),
}


def event_channel(starts_on: dt.date, title: str) -> tuple[str, str]:
    """(channel, place) of an event as the seeds give it: online on Teams, or not known."""
    if (starts_on, title) in TEAMS_EVENTS:
        return Event.Channel.ONLINE, TEAMS
    return Event.Channel.UNKNOWN, ""
