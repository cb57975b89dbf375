"""How a confirmation page names what deleting a theme or sub-theme of a year's framework
takes with it (``lib.deletion``)."""

from django.utils.translation import ngettext

from lib.deletion import Label

LABELS: dict[str, Label] = {
    "reporting.SubTheme": lambda n: (
        ngettext("%(count)s sub-theme", "%(count)s sub-themes", n) % {"count": n}
    ),
    "reporting.Level": lambda n: (
        ngettext("%(count)s level of a ladder", "%(count)s levels of ladders", n) % {"count": n}
    ),
    # Answers protect their sub-theme; the framework services delete them first.
    "cleared:reporting.Answer.sub_theme": lambda n: (
        ngettext(
            "%(count)s answer in the draft reports of the year",
            "%(count)s answers in the draft reports of the year",
            n,
        )
        % {"count": n}
    ),
}
