"""Public pages of the network's work: the good practices."""

from typing import Any

from django.views.generic import ListView

from actions.models import GoodPractice
from network.mixins import RegionMixin


class GoodPracticeListView(RegionMixin, ListView):
    """The region's published good practices in their numbered order."""

    template_name = "actions/good_practice_list.html"
    context_object_name = "good_practices"
    nav_section = "good_practices"

    def get_queryset(self) -> Any:
        return GoodPractice.objects.for_region(self.region).published().with_links()
