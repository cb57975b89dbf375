from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """KASELO's demo content from the seeds and the demo users (``manage.py load_demo``)."""

    name = "demo"
    verbose_name = _("Demo data")
