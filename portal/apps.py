from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What every page shares, above the network: permission rules, the page cache, review.

    No models. Its ``ready`` connects the page cache to every content model's writes.
    """

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import navigation, page_cache  # noqa: F401  (navigation's receivers)

        page_cache.connect_signals()
