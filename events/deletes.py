"""How a confirmation page names the rows of events a delete takes away or unlinks
(``lib.deletion``)."""

from django.utils.translation import ngettext

from lib.deletion import Label

LABELS: dict[str, Label] = {
    "events.Event": lambda n: ngettext("%(count)s event", "%(count)s events", n) % {"count": n},
    "events.EventMaterial": lambda n: (
        ngettext("%(count)s material of the event", "%(count)s materials of the event", n)
        % {"count": n}
    ),
    "events.Event.focus_areas": lambda n: (
        ngettext(
            "%(count)s link of an event to a focus area",
            "%(count)s links of events to a focus area",
            n,
        )
        % {"count": n}
    ),
    "events.Event.organisers": lambda n: (
        ngettext("%(count)s link to an organiser", "%(count)s links to organisers", n)
        % {"count": n}
    ),
    "events.Event.partner_regions": lambda n: (
        ngettext("%(count)s link to a partner region", "%(count)s links to partner regions", n)
        % {"count": n}
    ),
    "events.Event.projects": lambda n: (
        ngettext("%(count)s link to a project", "%(count)s links to projects", n) % {"count": n}
    ),
}
