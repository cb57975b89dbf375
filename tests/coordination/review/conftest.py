import pytest


@pytest.fixture(autouse=True)
def _mail_tasks_in_process(eager_tasks):
    """Mail goes through Celery tasks: run them in-process, so a test reads mail.outbox."""
