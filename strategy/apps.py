from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")

    def ready(self) -> None:
        from lib.deletion import register_labels
        from strategy.deletes import LABELS

        register_labels(LABELS)
