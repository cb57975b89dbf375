"""The one way the portal renders a form field, set once for every form (``FORM_RENDERER``).

``{{ form }}`` renders ``templates/includes/form.html`` (the error summary, then each field)
and ``{{ field.as_field_group }}`` renders ``templates/includes/field.html``; the styles are
the ``.field`` rules of ``static/css/portal.css``. The renderer also gives every form
``PortalBoundField``, so what the template cannot see is the same everywhere: a widget names
its help text and errors in ``aria-describedby``, and a label has no colon. It reads the
project's templates (``TemplatesSetting``), with Django's widget templates from the
``django.forms`` app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext

# The label Django gives the empty choice of a select (``BLANK_CHOICE_DASH``, the
# ``empty_label`` of ``ModelChoiceField``): to a person it reads as a broken page.
DJANGO_EMPTY_LABEL = "---------"


class PortalBoundField(BoundField):
    """A bound field whose help and errors are tied to its widget, and whose label has no colon.

    The ids are the ones ``includes/field.html`` gives: ``<id>_helptext`` for the help text
    (as Django names it) and ``<id>_errors`` for the error list.
    """

    @property
    def aria_describedby(self) -> str | None:
        """The ids of the help text and the error list, or None where the widget sets its own."""
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        ids = []
        if self.auto_id and not self.is_hidden:
            if self.help_text:
                ids.append(f"{self.auto_id}_helptext")
            if self.errors:
                ids.append(f"{self.auto_id}_errors")
        return " ".join(ids)

    def label_tag(
        self,
        contents: str | None = None,
        attrs: dict[str, Any] | None = None,
        label_suffix: str | None = "",
        tag: str | None = None,
    ) -> SafeString:
        return super().label_tag(contents, attrs, label_suffix, tag)

    def legend_tag(
        self,
        contents: str | None = None,
        attrs: dict[str, Any] | None = None,
        label_suffix: str | None = "",
    ) -> SafeString:
        return super().legend_tag(contents, attrs, label_suffix)


class PortalFormRenderer(TemplatesSetting):
    """Render every form and field of the portal through the project's two templates."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"
    bound_field_class = PortalBoundField

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        """Render ``template_name``; a choice widget's empty choice is worded in Finnish.

        Django's "---------" becomes "Choose…" in a select and "No choice" among radio
        buttons, whichever form or field it comes from (a ``ModelChoiceField``, or a model
        field with choices and ``blank=True``). An empty label a form names itself is kept.
        """
        widget = context.get("widget")
        if isinstance(widget, dict) and "optgroups" in widget:
            radio = widget.get("type") == "radio"
            label = gettext("No choice") if radio else gettext("Choose…")
            for _group, options, _index in widget["optgroups"]:
                for option in options:
                    if option["value"] in ("", None) and option["label"] == DJANGO_EMPTY_LABEL:
                        option["label"] = label
        return super().render(template_name, context, request)


CHOICE_LISTS_JS = "js/choice-lists.js"


#: What a date field accepts: the ISO date the browser's date picker sends, and the Finnish
#: day.month.year someone types where the browser offers no picker.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class DateInput(forms.DateInput):
    """The browser's own date picker (``type="date"``) for every date field of the portal.

    The picker reads and sends ISO dates whatever the language, so the value is shown in
    ISO (``%Y-%m-%d``) rather than in the active locale's format, which it would not show.
    Pair it with ``DATE_INPUT_FORMATS`` on the field.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:
        super().__init__(attrs, format or "%Y-%m-%d")


class CheckboxColumns(forms.CheckboxSelectMultiple):
    """Checkboxes of short choices (target groups, provinces): two columns on a wide screen."""

    template_name = "includes/widgets/checkbox_columns.html"


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A long list of checkboxes (organisations) that a script makes searchable.

    Without JavaScript it is a plain list of checkboxes. ``static/js/choice-lists.js`` adds
    a search box that filters the list as one types, puts the chosen ones first, keeps the
    list in a scrolling box and makes it a single Tab stop (the arrow keys move in it).
    """

    template_name = "includes/widgets/searchable_checkboxes.html"

    class Media:
        js = [CHOICE_LISTS_JS]


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes of model choices under a legend per group, e.g. goals by focus area.

    ``group_by`` gives an option's object its group as ``(key, label)``; the options keep
    the order of the field's queryset, which must be sorted by group. ``filter_by`` names
    (as the form's HTML name) a checkbox field whose values are the group keys: a script then
    shows only the groups whose key is ticked there. The server must still check the pairing,
    as without JavaScript every group is shown. ``empty_hint`` is what the field says while
    no group is ticked (by default, that the goals of a ticked focus area show).
    """

    template_name = "includes/widgets/grouped_checkboxes.html"

    class Media:
        js = [CHOICE_LISTS_JS]

    def __init__(
        self,
        group_by: Callable[[Any], tuple[object, str]],
        attrs: dict[str, Any] | None = None,
        filter_by: str = "",
        empty_hint: str | Promise = "",
    ) -> None:
        super().__init__(attrs)
        self.group_by = group_by
        self.filter_by = filter_by
        self.empty_hint = empty_hint

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        """The widget's context with ``groups``: each a dict of key, label and options."""
        context = super().get_context(name, value, attrs)
        groups: dict[object, dict[str, Any]] = {}
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                key, label = self.group_by(option["value"].instance)
                groups.setdefault(key, {"key": key, "label": label, "options": []})
                groups[key]["options"].append(option)
        context["widget"]["groups"] = list(groups.values())
        context["widget"]["filter_by"] = self.filter_by
        context["widget"]["empty_hint"] = self.empty_hint
        return context


def https_url_field(model: type[Any], name: str, **kwargs: Any) -> forms.URLField:
    """An optional URL field for a model's address field, labelled as the model names it,
    reading an address typed without a scheme as https ("www.kaselo.fi")."""
    label = capfirst(model._meta.get_field(name).verbose_name)
    return forms.URLField(label=label, required=False, assume_scheme="https", **kwargs)
