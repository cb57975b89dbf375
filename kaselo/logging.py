"""Logging filters: a refused request is one line, not a traceback."""

import logging


class OneLineForbidden(logging.Filter):
    """Drop the traceback Django attaches to a 403 it logs on ``django.request``.

    A 403 is the permission layer doing its job (see ``lib.access``); its traceback
    says nothing new and, under a crawl, filled 17 MB an hour. The line keeps the path.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
