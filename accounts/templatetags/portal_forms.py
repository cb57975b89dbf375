"""Render form fields so assistive technology reads their help and errors with them."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def description_ids(field: BoundField) -> str:
    """Return the ids of the field's help text and error list, as the partial names them.

    ``includes/form_field.html`` gives the help text the id Django itself uses
    (``<id>_helptext``) and the error list ``<id>_errors``.
    """
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_errors")
    return " ".join(ids)


@register.filter
def described_widget(field: BoundField) -> SafeString:
    """Return the field's widget with ``aria-describedby`` naming its help text and errors."""
    attrs: dict[str, str | bool] = {}
    ids = description_ids(field)
    if ids:
        attrs["aria-describedby"] = ids
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return bool(getattr(field.field.widget, "input_type", "") == "checkbox")
