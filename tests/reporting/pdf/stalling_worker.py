"""A Celery app for a worker whose PDF builds stall at 60 %, so a test can kill it mid-job.

Start it as ``celery -A tests.reporting.pdf.stalling_worker worker``: it is the project's
app, with the PDF writing step (WeasyPrint, the longest step in real builds) replaced, in
the worker only, by a wait of ten minutes.
"""

import time
from typing import Any

from celery.signals import task_prerun

from kaselo.celery import app

__all__ = ["app"]


@task_prerun.connect
def _stall_writing(**_kwargs: Any) -> None:
    from reporting import pdf

    def stalled(_html: str, _path: Any) -> None:
        time.sleep(600)

    pdf.write_pdf = stalled  # type: ignore[assignment]
