"""The public page comparing two versions of a region's strategy, chosen with a GET form."""

from typing import Any

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from lib.bounds import BoundedFormMixin
from network.mixins import RegionMixin
from strategy.comparison import compare_versions
from strategy.models import Strategy

#: What a version number that is no number, or below 1, is answered with.
CHOOSE_A_VERSION = gettext_lazy("Choose a version from the list.")


def version_label(version: Strategy) -> str:
    """A version as the selects name it: its number and its name, short enough for a phone."""
    label = _("Version %(number)s") % {"number": version.version}
    if version.version_label:
        label += f" ({version.version_label})"
    if version.is_current:
        label += f" – {_('current')}"  # noqa: RUF001 (an en dash, as in print)
    return label


class VersionChoiceForm(BoundedFormMixin, forms.Form):
    """Two versions of the region's strategy by number: ``a`` the one compared from, ``b`` the
    one compared to. Only their form is checked here; the view answers 404 for a number that
    names no version the visitor may compare."""

    a = forms.IntegerField(
        label=gettext_lazy("From version"),
        min_value=1,
        widget=forms.Select,
        error_messages={"required": CHOOSE_A_VERSION, "invalid": CHOOSE_A_VERSION},
    )
    b = forms.IntegerField(
        label=gettext_lazy("To version"),
        min_value=1,
        widget=forms.Select,
        error_messages={"required": CHOOSE_A_VERSION, "invalid": CHOOSE_A_VERSION},
    )

    def __init__(self, *args: Any, versions: list[Strategy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(version.version, version_label(version)) for version in versions]
        for name in ("a", "b"):
            field = self.fields[name]
            field.error_messages["min_value"] = CHOOSE_A_VERSION
            field.widget.choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("a") is not None and data.get("a") == data.get("b"):
            raise forms.ValidationError(_("Choose two different versions."))
        return data


def default_choice(versions: list[Strategy]) -> dict[str, int] | None:
    """The versions compared when none are chosen: the current one (or else the newest) and
    the version it was revised from (or else the one before it). None with fewer than two."""
    if len(versions) < 2:
        return None
    newest = next((version for version in versions if version.is_current), versions[0])
    by_pk = {version.pk: version for version in versions}
    previous = by_pk.get(newest.previous_id)  # type: ignore[arg-type]
    if previous is None:
        older = [version for version in versions if version.version < newest.version]
        previous = older[0] if older else next(v for v in versions if v.pk != newest.pk)
    return {"a": previous.version, "b": newest.version}


class VersionComparisonView(RegionMixin, TemplateView):
    """What changed between two versions of the region's strategy (``?a=1&b=2``).

    Queries: the region, the versions the visitor may compare, then the comparison's nine
    (``strategy.comparison.compare_versions``), whatever the size of the plan. A number that
    is no version number, or the same version twice, gets the form back with a message; a
    version number the region does not have answers 404.
    """

    template_name = "strategy/compare.html"
    nav_section = "home"
    nav_is_section_page = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        versions = list(Strategy.objects.comparable_for(self.request.user, self.region))
        chosen = "a" in self.request.GET or "b" in self.request.GET
        data = self.request.GET if chosen else default_choice(versions)
        form = VersionChoiceForm(data, versions=versions)
        comparison = None
        if data is not None and form.is_valid():
            by_number = {version.version: version for version in versions}
            old = by_number.get(form.cleaned_data["a"])
            new = by_number.get(form.cleaned_data["b"])
            if old is None or new is None:
                raise Http404
            comparison = compare_versions(old, new)
        context.update(form=form, versions=versions, comparison=comparison)
        return context
