from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    """What happened that a person should know: one row a person and event, mailed once.

    Sits between ``portal`` and ``network``: the review workflow (``portal``), people
    (``accounts``) and the reports (``reporting``) all tell people through it, and it reads
    only the network's roles to find whom to tell.
    """

    name = "notices"
    verbose_name = _("Notices")
    default_auto_field = "django.db.models.BigAutoField"
