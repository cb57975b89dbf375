"""The coordinator's form for returning an entry to its organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.bounds import BoundedFormMixin


class ReturnForm(BoundedFormMixin, forms.Form):
    """The coordinator's comment on what to change in a returned entry."""

    comment = forms.CharField(
        label=_("What should be changed?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The organisation's editors receive this comment by e-mail."),
    )


class ReopenForm(BoundedFormMixin, forms.Form):
    """The coordinator's reason for reopening one entry of a closed year."""

    reason = forms.CharField(
        label=_("Why is the entry reopened?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The reason is kept in the entry's change history. Only this entry can be "
            "changed; close it again when the change is done."
        ),
    )
