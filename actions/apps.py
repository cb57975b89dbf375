from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = _("Actions")

    def ready(self) -> None:
        from actions.deletes import LABELS
        from lib.deletion import register_labels

        register_labels(LABELS)
