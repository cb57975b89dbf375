import pytest


@pytest.fixture(autouse=True)
def _mail_tasks_in_process(eager_tasks, settings):
    """Notices' tasks run in the test's process, their mail into ``mail.outbox``."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://elo.example"
