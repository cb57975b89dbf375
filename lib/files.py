"""Stored files that outlive their rows: deleted once the change that dropped them commits."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.fields.files import FieldFile

logger = logging.getLogger(__name__)


def delete_after_commit(*files: FieldFile) -> None:
    """Delete the files from storage once the current transaction commits.

    Names are taken now, so a field changed later in the transaction does not change what
    goes. Empty fields are skipped. A file that cannot be deleted is logged, never raised:
    the change has committed by then, and a leftover file is no reason to fail the request.
    """
    doomed = [(file.storage, file.name) for file in files if file and file.name]
    if not doomed:
        return

    def delete() -> None:
        for storage, name in doomed:
            try:
                storage.delete(name)
            except OSError:
                logger.exception("Could not delete the file %s", name)

    transaction.on_commit(delete)
