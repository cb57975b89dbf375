from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    """The coordinator's back office: the review queue, imports and exports. No models."""

    name = "coordination"
    verbose_name = _("Coordination")
