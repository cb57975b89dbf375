"""Lock a row and read its current state, for a service about to change it.

The object a view hands a service was read before the transaction: another person may have
reviewed, submitted or decided it since. Each service that checks a state before a change
(an entry's review state, a report's status and version, a proposal's decision) locks the
row and checks what the locked row says; this is the one way they do it.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def lock_and_reread(instance: M, *fields: str) -> M:
    """Lock ``instance``'s row until the transaction ends and return the row as it is now.

    With ``fields``, only those are read, and copied onto ``instance`` as well, so the
    caller's object goes on with the current values. Call it inside ``transaction.atomic``.
    """
    rows = type(instance)._default_manager.select_for_update()
    current = (rows.only(*fields) if fields else rows).get(pk=instance.pk)
    for field in fields:
        setattr(instance, field, getattr(current, field))
    return current
