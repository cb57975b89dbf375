"""How a confirmation page names the plan's rows a delete takes away (``lib.deletion``)."""

from django.utils.translation import ngettext

from lib.deletion import Label

LABELS: dict[str, Label] = {
    "strategy.FocusArea": lambda n: (
        ngettext("%(count)s focus area", "%(count)s focus areas", n) % {"count": n}
    ),
    "strategy.Goal": lambda n: ngettext("%(count)s goal", "%(count)s goals", n) % {"count": n},
    "strategy.Action": lambda n: (
        ngettext("%(count)s action", "%(count)s actions", n) % {"count": n}
    ),
    "strategy.Indicator": lambda n: (
        ngettext("%(count)s indicator", "%(count)s indicators", n) % {"count": n}
    ),
    "strategy.IndicatorValue": lambda n: (
        ngettext("%(count)s yearly value", "%(count)s yearly values", n) % {"count": n}
    ),
    "strategy.FocusArea.national_goals": lambda n: (
        ngettext("%(count)s link to a national goal", "%(count)s links to national goals", n)
        % {"count": n}
    ),
    "strategy.FocusArea.key_measures": lambda n: (
        ngettext(
            "%(count)s link to a national key measure",
            "%(count)s links to national key measures",
            n,
        )
        % {"count": n}
    ),
    "strategy.Indicator.focus_areas": lambda n: (
        ngettext(
            "%(count)s link of an indicator to a focus area",
            "%(count)s links of indicators to focus areas",
            n,
        )
        % {"count": n}
    ),
    "strategy.Action.goals": lambda n: (
        ngettext("%(count)s link of an action to a goal", "%(count)s links of actions to goals", n)
        % {"count": n}
    ),
    "strategy.Action.responsible_organisations": lambda n: (
        ngettext(
            "%(count)s link to a responsible organisation",
            "%(count)s links to responsible organisations",
            n,
        )
        % {"count": n}
    ),
    "strategy.Project.actions": lambda n: (
        ngettext(
            "%(count)s link of a project to an action", "%(count)s links of projects to actions", n
        )
        % {"count": n}
    ),
    "strategy.Project": lambda n: (
        ngettext("%(count)s project", "%(count)s projects", n) % {"count": n}
    ),
    "strategy.FundingLine": lambda n: (
        ngettext("%(count)s funding line", "%(count)s funding lines", n) % {"count": n}
    ),
    "strategy.Project.organisations": lambda n: (
        ngettext(
            "%(count)s link of a project to an organisation",
            "%(count)s links of projects to organisations",
            n,
        )
        % {"count": n}
    ),
    "strategy.RegionProfile.member_organisations": lambda n: (
        ngettext(
            "%(count)s member of a cooperation group",
            "%(count)s members of cooperation groups",
            n,
        )
        % {"count": n}
    ),
}
