from django.apps import AppConfig


class LibConfig(AppConfig):
    """The helpers' one table: the tokens of submitted create forms (``lib.concurrency``)."""

    name = "lib"
    default_auto_field = "django.db.models.BigAutoField"
