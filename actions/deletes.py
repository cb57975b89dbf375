"""How a confirmation page names the rows of logged work a delete takes away or unlinks
(``lib.deletion``)."""

from django.utils.translation import ngettext

from lib.deletion import Label

LABELS: dict[str, Label] = {
    "actions.GuidanceAction": lambda n: (
        ngettext("%(count)s guidance action", "%(count)s guidance actions", n) % {"count": n}
    ),
    "actions.GoodPractice": lambda n: (
        ngettext("%(count)s good practice", "%(count)s good practices", n) % {"count": n}
    ),
    "actions.ProgressUpdate": lambda n: (
        ngettext("%(count)s progress update", "%(count)s progress updates", n) % {"count": n}
    ),
    "actions.GuidanceAction.focus_areas": lambda n: (
        ngettext(
            "%(count)s link of a guidance action to a focus area",
            "%(count)s links of guidance actions to a focus area",
            n,
        )
        % {"count": n}
    ),
    "actions.GuidanceAction.goals": lambda n: (
        ngettext(
            "%(count)s link of a guidance action to a goal",
            "%(count)s links of guidance actions to a goal",
            n,
        )
        % {"count": n}
    ),
    "actions.GuidanceAction.target_groups": lambda n: (
        ngettext("%(count)s link to a target group", "%(count)s links to target groups", n)
        % {"count": n}
    ),
    "actions.GuidanceAction.channels": lambda n: (
        ngettext("%(count)s link to a channel", "%(count)s links to channels", n) % {"count": n}
    ),
    "actions.GuidanceAction.partners": lambda n: (
        ngettext(
            "%(count)s link to a partner organisation",
            "%(count)s links to partner organisations",
            n,
        )
        % {"count": n}
    ),
    "actions.GoodPractice.focus_areas": lambda n: (
        ngettext(
            "%(count)s link of a good practice to a focus area",
            "%(count)s links of good practices to a focus area",
            n,
        )
        % {"count": n}
    ),
    "actions.GoodPractice.actions": lambda n: (
        ngettext(
            "%(count)s link of a good practice to an action",
            "%(count)s links of good practices to an action",
            n,
        )
        % {"count": n}
    ),
}
