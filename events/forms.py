"""Forms of what organisations log about events: the event itself and its materials.

Every rule of the event's database constraints is checked here first, with a Finnish
message beside the field, so an IntegrityError never reaches the person filling the form.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventMaterial, EventSeries
from events.services import EventLinks
from lib.bounds import BoundedFormMixin
from lib.concurrency import VersionedFormMixin
from lib.forms import CheckboxColumns, DateInput, SearchableCheckboxSelectMultiple
from lib.localized_choices import localize_labels
from lib.translation import translations_of, with_translations
from lib.uploads import ACCEPT, UPLOAD_HELP_TEXT, validate_upload
from network.models import Organisation, Region
from strategy.models import FocusArea

NEEDS_PLACE: tuple[str, ...] = (Event.Channel.ON_SITE, Event.Channel.HYBRID)


class EventForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """An event of the region, logged by an organisation's editor or the coordinator.

    ``required_organisations``: an editor must keep one of these (the organisation they log
    for, or the ones they edit) among the organisers, or the event would slip out of their
    hands; None for the coordinator. ``can_publish`` shows the coordinator's "publish now".

    When the person changes the start date and leaves the end date as the form had it,
    the end moves with the start, keeping the event's length: always in a copy
    (``end_follows_start``: the portal filled in both dates), and in an edit when the
    end would otherwise fall before the new start.
    """

    #: An editor's form opened before the event was accepted must not send it back to draft
    #: unseen: the review state is guarded though the form does not show it.
    guarded_extra = ("review_status",)

    new_series = forms.CharField(
        label=_("Or a new meeting series"),
        max_length=300,
        required=False,
        help_text=_("Name a new recurring meeting; leave empty if the event is not one."),
    )
    ends_on = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for a one-day event."),
    )
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    materials_url = forms.URLField(label=_("Materials link"), required=False, assume_scheme="https")
    participants_count = forms.IntegerField(
        label=_("Participants"),
        required=False,
        min_value=0,
        help_text=_("Fill in after the event."),
    )
    publish_now = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_("The event is public at once, without a review."),
    )

    class Meta:
        model = Event
        fields = with_translations(
            Event,
            [
                "title",
                "description",
                "kind",
                "series",
                "starts_on",
                "ends_on",
                "day_part",
                "start_time",
                "end_time",
                "channel",
                "place",
                "online_url",
                "organisers",
                "partner_regions",
                "focus_areas",
                "participants_count",
                "materials_url",
            ],
        )
        widgets = {
            "starts_on": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "organisers": SearchableCheckboxSelectMultiple,
            "partner_regions": CheckboxColumns,
            "focus_areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "partner_regions": _("Neighbouring regions of a joint ELO & JAO meeting."),
            "place": _("Required for an event on site or a hybrid one."),
            "start_time": _("Required when the event is at the given times."),
        }

    #: The new series's name comes right after the series to choose from.
    field_order = [
        *Meta.fields[: Meta.fields.index("series") + 1],
        "new_series",
        *Meta.fields[Meta.fields.index("series") + 1 :],
        "publish_now",
    ]

    def __init__(
        self,
        *args: Any,
        region: Region,
        required_organisations: Iterable[Organisation] | None = None,
        can_publish: bool = False,
        end_follows_start: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.end_follows_start = end_follows_start
        self.instance.region = region
        self.region = region
        self.required_organisations = (
            None if required_organisations is None else list(required_organisations)
        )
        fields = self.fields
        cast(forms.ModelChoiceField, fields["series"]).queryset = EventSeries.objects.filter(
            region=region
        )
        fields["series"].help_text = _("Choose the recurring meeting the event belongs to.")
        cast(
            forms.ModelMultipleChoiceField, fields["organisers"]
        ).queryset = Organisation.objects.for_region(region).order_by("name")
        cast(
            forms.ModelMultipleChoiceField, fields["partner_regions"]
        ).queryset = Region.objects.exclude(pk=region.pk)
        cast(forms.ModelMultipleChoiceField, fields["focus_areas"]).queryset = (
            FocusArea.objects.for_region(region).current().order_by("number")
        )
        localize_labels(fields["series"])
        localize_labels(fields["partner_regions"], "name")
        localize_labels(fields["focus_areas"], numbered=True)
        if not can_publish:
            del fields["publish_now"]

    def clean_new_series(self) -> str:
        return " ".join(self.cleaned_data["new_series"].split())

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        starts_on: dt.date | None = cleaned.get("starts_on")
        self._move_end_with_start(starts_on)
        if (
            starts_on is not None
            and cleaned.get("ends_on") is None
            and "ends_on" not in self.errors
        ):
            cleaned["ends_on"] = starts_on
        ends_on: dt.date | None = cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The event cannot end before it starts."))
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        if (
            cleaned.get("day_part") == Event.DayPart.TIMED
            and start_time is None
            and "start_time" not in self.errors
        ):
            self.add_error("start_time", _("Give the start time of an event at the given times."))
        if (
            start_time
            and end_time
            and starts_on
            and ends_on == starts_on
            and end_time <= start_time
        ):
            self.add_error("end_time", _("The end time must be after the start time."))
        if (
            cleaned.get("channel") in NEEDS_PLACE
            and not (cleaned.get("place") or "").strip()
            and "place" not in self.errors
        ):
            self.add_error("place", _("Give the place of an event on site or a hybrid one."))
        if cleaned.get("series") and cleaned.get("new_series"):
            self.add_error("new_series", _("Choose a meeting series or name a new one, not both."))
        organisers = cleaned.get("organisers")
        if self.required_organisations is not None and organisers is not None:
            required = {organisation.pk for organisation in self.required_organisations}
            if not required & {organisation.pk for organisation in organisers}:
                names = ", ".join(organisation.name for organisation in self.required_organisations)
                self.add_error(
                    "organisers",
                    _("Keep your own organisation among the organisers: %(names)s.")
                    % {"names": names},
                )
        return cleaned

    def _move_end_with_start(self, starts_on: dt.date | None) -> None:
        """Keep the event's length when only the start date was changed (see the class)."""
        changed = self.changed_data
        first, last = self.initial.get("starts_on"), self.initial.get("ends_on")
        if (
            starts_on is None
            or "starts_on" not in changed
            or "ends_on" in changed
            or not isinstance(first, dt.date)
            or not isinstance(last, dt.date)
        ):
            return
        if self.end_follows_start or last < starts_on:
            self.cleaned_data["ends_on"] = starts_on + (last - first)

    @property
    def links(self) -> EventLinks:
        """The many-to-many choices, for the service to set once the event is saved."""
        return EventLinks(
            organisers=list(self.cleaned_data["organisers"]),
            partner_regions=list(self.cleaned_data["partner_regions"]),
            focus_areas=list(self.cleaned_data["focus_areas"]),
        )


def copy_initial(event: Event, starts_on: dt.date, ends_on: dt.date) -> dict[str, Any]:
    """The event form's initial values for the event's next time, on the given dates.

    Participants and materials belong to the past event, so they are left out.
    """
    return {
        "title": event.title,
        "description": event.description,
        "kind": event.kind,
        "series": event.series_id,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "day_part": event.day_part,
        "start_time": event.start_time,
        "end_time": event.end_time,
        "channel": event.channel,
        "place": event.place,
        "online_url": event.online_url,
        "organisers": [organisation.pk for organisation in event.organisers.all()],
        "partner_regions": [region.pk for region in event.partner_regions.all()],
        "focus_areas": [focus_area.pk for focus_area in event.focus_areas.all()],
        **translations_of(event, "title", "description"),
    }


class ChooseOrganisationForm(BoundedFormMixin, forms.Form):
    """Which organisation the new event is logged for, when the user may log for several."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        label=_("Organisation"),
        empty_label=None,
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = organisations


class EventMaterialForm(BoundedFormMixin, forms.ModelForm):
    """A file or a link, exactly one, with a title."""

    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = EventMaterial
        fields = with_translations(EventMaterial, ["title", "file", "url"])
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ACCEPT})}
        help_texts = {"file": UPLOAD_HELP_TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_upload)
        self.fields["url"].help_text = _("Or a link to the material, e.g. a shared folder.")

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if "file" in self.errors:
            return cleaned
        if cleaned.get("file") and cleaned.get("url"):
            self.add_error("url", _("Give either a file or a link, not both."))
        elif not cleaned.get("file") and not cleaned.get("url") and "url" not in self.errors:
            self.add_error("file", _("Add a file or give a link."))
        return cleaned
