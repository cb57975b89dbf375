"""Optimistic concurrency for every edit form, and create forms processed once.

**Edits.** A form carries the version of the row it was read at (``read_version``, a hidden
field): a short digest of each field it guards, computed from the row as it was loaded. The
save locks the row (``lib.locking.lock_and_reread``), computes the digests again and, if a
guarded field changed meanwhile, refuses with ``StaleEdit`` naming the fields: the person sees
their value beside the current one, keeps what they typed, and the form now carries the
current version, so saving again lands on top of it. Digests per field (not a version
column) need no migration, guard the many-to-many links as well, and tell which fields
another person changed. A form may guard fields it does not show (an entry's review state).

**Creates.** A create form carries a token made when it was rendered (``submission_token``).
The saving transaction first inserts the token into ``SubmittedForm`` (unique): a second
identical POST waits on that row, then finds it and redirects to what the first created.
A unique constraint that still fails (two people adding the same number at once) becomes
the form's own error, never a 500.
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lib.locking import lock_and_reread

VERSION_FIELD = "read_version"
TOKEN_FIELD = "submission_token"  # noqa: S105  # a form field's name, not a secret

#: What a field's value looks like in the table of changes when it is empty.
EMPTY = "—"


# --- Versions --------------------------------------------------------------------------------


def _normal(instance: Model, name: str) -> object:
    """The stored value of a field, comparable across reads (links as sorted ids)."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        if instance.pk is None:
            return []
        return sorted(getattr(instance, name).values_list("pk", flat=True))
    if field.is_relation:
        return getattr(instance, field.attname)  # type: ignore[union-attr]
    value = getattr(instance, name)
    # A choice set in Python is an enum member until the row is read back: compare the value.
    return value.value if isinstance(value, enum.Enum) else value


def field_digests(instance: Model, names: Sequence[str]) -> dict[str, str]:
    """A short digest of each named field's stored value."""
    return {
        name: hashlib.sha256(repr(_normal(instance, name)).encode()).hexdigest()[:12]
        for name in names
    }


def encode(digests: dict[str, str]) -> str:
    return ";".join(f"{name}:{value}" for name, value in sorted(digests.items()))


def decode(version: str) -> dict[str, str]:
    """The digests of a ``read_version``; a mangled one reads as empty (everything changed)."""
    pairs = (part.partition(":") for part in version.split(";") if part)
    return {name: value for name, _sep, value in pairs}


def row_version(instance: Model, names: Sequence[str]) -> str:
    """The version of ``instance`` in the named fields, as a hidden field carries it."""
    return encode(field_digests(instance, names))


def changed_fields(read_version: str, current: Model, names: Sequence[str]) -> list[str]:
    """The named fields whose value in ``current`` differs from the one read."""
    read = decode(read_version)
    now = field_digests(current, names)
    return [name for name in names if read.get(name) != now[name]]


def display(value: Any) -> str:
    """A value as the table of changes shows it, in the active language."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (date, datetime, Decimal)):
        return str(formats.localize(value))
    if isinstance(value, (QuerySet, list, tuple, set)):
        return ", ".join(str(item) for item in value) or EMPTY
    return str(value)


def current_display(instance: Model, name: str) -> str:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        return display(list(getattr(instance, name).all()))
    if getattr(field, "choices", None):
        return display(getattr(instance, f"get_{name}_display")())
    return display(getattr(instance, name))


def typed_display(form: forms.BaseForm, name: str) -> str | None:
    """What the person sent in the field, as the table shows it; None for a field not shown."""
    if name not in form.fields:
        return None
    value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
    field = form.fields[name]
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}  # type: ignore[attr-defined]
        if isinstance(value, (list, tuple)):
            return display([labels.get(str(item), item) for item in value])
        return display(labels.get(str(value), value))
    return display(value)


@dataclass(frozen=True)
class Change:
    """A field another person changed while the form was open."""

    label: str
    yours: str | None
    current: str


class StaleEdit(Exception):
    """The row changed after the form was read; ``changes`` says how."""

    def __init__(self, changes: list[Change], current_version: str) -> None:
        super().__init__(", ".join(change.label for change in changes))
        self.changes = changes
        self.current_version = current_version


class VersionedFormMixin:
    """A model form that carries the version of its row and knows what it guards; the same
    form creating a row carries a submission token instead (``OnceOnlyFormMixin``).

    ``guarded_extra`` names fields the form does not show but whose change must stop a save
    (an entry's review state: an editor's form opened before the entry was accepted).
    """

    guarded_extra: Sequence[str] = ()
    fields: dict[str, forms.Field]
    instance: Any
    stale_changes: list[Change]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stale_changes = []
        self.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = row_version(self.instance, self.guarded_fields())
        else:
            add_submission_token(self)  # type: ignore[arg-type]

    def guarded_fields(self) -> list[str]:
        """The model's fields the form edits, and the extra ones it guards."""
        own = {field.name for field in self.instance._meta.get_fields() if field.concrete}
        shown = [name for name in self.fields if name in own]
        return shown + [name for name in self.guarded_extra if name not in shown]


def check_unchanged(form: Any, current: Model) -> None:
    """Raise ``StaleEdit`` if a field ``form`` guards changed in ``current`` since it was read."""
    names = form.guarded_fields()
    read_version = form.data.get(form.add_prefix(VERSION_FIELD))
    if read_version is None:
        return  # sent by a form without a version (a script or an old page): nothing to check
    changed = changed_fields(read_version, current, names)
    if changed:
        changes = [
            Change(
                label=capfirst(
                    str(form.fields[name].label)
                    if name in form.fields and form.fields[name].label
                    else str(current._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
                ),
                yours=typed_display(form, name),
                current=current_display(current, name),
            )
            for name in changed
        ]
        raise StaleEdit(changes, row_version(current, names))


@contextmanager
def saving_unchanged(form: Any) -> Iterator[None]:
    """Lock the form's row and let the save run only if nobody changed it meanwhile.

    The lock is held until the save commits, so of two saves from forms read at the same
    version the second waits, then finds the first's change and is refused.
    """
    with transaction.atomic():
        if form.instance.pk is not None:
            check_unchanged(form, lock_and_reread(form.instance))
        yield


def refuse_stale(form: Any, stale: StaleEdit) -> None:
    """Turn ``form`` into the refusal: its error, the changes, and the current version.

    What the person typed stays in the form; with the current version in it, the next save
    replaces the current values with theirs, knowingly.
    """
    form.data = form.data.copy()
    form.data[form.add_prefix(VERSION_FIELD)] = stale.current_version
    form.stale_changes = stale.changes
    form.add_error(
        None,
        _(
            "Someone else saved this while you had it open, so your changes were not saved. "
            "They are kept in the form below. Compare them with the current values and save "
            "again to replace the current values with yours."
        ),
    )


class ConcurrentEditMixin:
    """For an edit view (``UpdateView`` or alike): its save runs under ``saving_unchanged``.

    The view's ``form_valid`` is wrapped for the request rather than overridden, so a view
    that defines its own ``form_valid`` is guarded all the same.
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        unguarded: Callable[[Any], HttpResponse] = getattr(self, "form_valid")  # noqa: B009

        def form_valid(form: Any) -> HttpResponse:
            try:
                with saving_unchanged(form):
                    return unguarded(form)  # type: ignore[no-any-return]
            except StaleEdit as stale:
                refuse_stale(form, stale)
                return self.form_invalid(form)  # type: ignore[attr-defined,no-any-return]

        self.form_valid = form_valid  # type: ignore[method-assign,assignment]
        return super().post(request, *args, **kwargs)  # type: ignore[misc,no-any-return]


# --- Create forms processed once ---------------------------------------------------------------


class OnceOnlyFormMixin:
    """A create form with a token made when it is rendered, so it is processed only once."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.UUIDField(
            required=False, widget=forms.HiddenInput, initial=uuid.uuid4
        )


def add_submission_token(form: forms.BaseForm) -> forms.BaseForm:
    """Give an existing form instance the token field (for forms built outside this module)."""
    form.fields[TOKEN_FIELD] = forms.UUIDField(
        required=False, widget=forms.HiddenInput, initial=uuid.uuid4
    )
    return form


class AlreadySubmitted(Exception):
    """The same form was processed before; ``url`` is where the first one led."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def submitted_token(form: forms.BaseForm) -> uuid.UUID | None:
    """The form's token as sent, or None where it sent none."""
    raw = form.data.get(form.add_prefix(TOKEN_FIELD))
    try:
        return uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None


def claim(token: uuid.UUID | None) -> None:
    """Claim ``token`` in the current transaction; raise ``AlreadySubmitted`` if it was used.

    A second claim of a token whose first claim has not committed waits for it (the unique
    index), so parallel POSTs are told apart as well as repeated ones.
    """
    from lib.models import SubmittedForm

    if token is None:
        return
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(token=token)
    except IntegrityError:
        first = SubmittedForm.objects.get(token=token)
        raise AlreadySubmitted(first.result_url) from None


def record(token: uuid.UUID | None, url: str) -> None:
    """Remember where the first processing of ``token`` led, for the repeats."""
    from lib.models import SubmittedForm

    if token is not None:
        SubmittedForm.objects.filter(token=token).update(result_url=url[:500])


def revalidate_after_conflict(form: Any) -> None:
    """After a unique constraint failed, validate again: the form's own check now sees the
    other row and says in the person's language which field clashes."""
    if hasattr(form, "instance"):
        form.instance.pk = None
        form.instance._state.adding = True
    form._errors = None
    form.full_clean()
    if form.is_valid():
        form.add_error(
            None,
            _(
                "Someone saved the same entry at the same moment, so yours was not saved. "
                "What you typed is kept below: check the list and save again if it is still "
                "needed."
            ),
        )


def already_done(request: HttpRequest, url: str, fallback: str) -> HttpResponse:
    messages.info(
        request,
        _("This form had already been sent and was saved once; here is what it saved."),
    )
    return redirect(url or fallback)


def process_once(
    request: HttpRequest,
    form: Any,
    save: Callable[[], HttpResponse],
    *,
    invalid: Callable[[Any], HttpResponse],
    fallback: str,
) -> HttpResponse:
    """Run ``save`` (which saves and answers, usually with a redirect) once per form token.

    A repeat of the same form redirects to where the first one led, with a message; a unique
    constraint the save trips becomes the form's error through ``invalid``.
    """
    token = submitted_token(form)
    storage: Any = messages.get_messages(request)
    queued = list(getattr(storage, "_queued_messages", []))
    try:
        with transaction.atomic():
            claim(token)
            response = save()
            if isinstance(response, HttpResponseRedirect):
                record(token, response.url)
            elif response.status_code != 302:
                # The save answered with the form again (its own error): nothing was created,
                # so the token stays free for the corrected form.
                transaction.set_rollback(True)
            return response
    except AlreadySubmitted as done:
        return already_done(request, done.url, fallback)
    except IntegrityError:
        # The save said "saved" before the commit failed: take that back.
        if hasattr(storage, "_queued_messages"):
            storage._queued_messages = queued
        revalidate_after_conflict(form)
        return invalid(form)


def earlier_result(request: HttpRequest, prefix: str = "") -> str | None:
    """Where the first processing of the POST's token led, if it was processed already.

    Checked before the form is validated: a repeat would otherwise fail on the row the first
    one created ("number 7 is taken") instead of being recognised as the same form.
    """
    from lib.models import SubmittedForm

    raw = request.POST.get(f"{prefix}-{TOKEN_FIELD}" if prefix else TOKEN_FIELD)
    try:
        token = uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None
    if token is None:
        return None
    return SubmittedForm.objects.filter(token=token).values_list("result_url", flat=True).first()


class OnceOnlyCreateMixin:
    """For a create view: its ``form_valid`` runs once per rendered form (``process_once``).

    Like ``ConcurrentEditMixin`` it wraps the view's ``form_valid`` for the request, so a
    view's own ``form_valid`` is covered; a repeat already processed is answered before the
    form is validated (``earlier_result``).
    """

    request: HttpRequest

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        url = earlier_result(request)
        if url is not None:
            return already_done(request, url, request.path)
        unguarded: Callable[[Any], HttpResponse] = getattr(self, "form_valid")  # noqa: B009

        def form_valid(form: Any) -> HttpResponse:
            return process_once(
                request,
                form,
                lambda: unguarded(form),
                invalid=self.form_invalid,  # type: ignore[attr-defined]
                fallback=request.path,
            )

        self.form_valid = form_valid  # type: ignore[method-assign,assignment]
        return super().post(request, *args, **kwargs)  # type: ignore[misc,no-any-return]
