"""The region lookup every public page shares."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils import timezone

from lib.scoping import render_in_scope
from network.models import Region


class RegionMixin:
    """Load the region named by the URL's ``region`` slug once, or answer 404.

    Without a slug in the URL (the portal's root page) the region is
    ``settings.DEFAULT_REGION_SLUG``. The region and the main navigation's current
    section reach every template through the context, so the header needs no query.
    """

    #: The main navigation item this page belongs to: home, focus_areas, organisations,
    #: events or good_practices.
    nav_section = ""
    #: True on a section's own page (aria-current="page"), False below it ("true").
    nav_is_section_page = True

    region: Region

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        slug = kwargs.get("region", settings.DEFAULT_REGION_SLUG)
        # With its content versions: the page's cached fragments are named without a query.
        self.region = get_object_or_404(Region.objects.with_content_versions(), slug=slug)
        # Every query of the view and its template sees this region's rows only.
        return render_in_scope(
            self.region.pk,
            lambda: super(RegionMixin, self).dispatch(request, *args, **kwargs),  # type: ignore[misc]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            region=self.region,
            # Pages showing upcoming events name the day in their cached fragments' keys.
            today=timezone.localdate(),
            nav_section=self.nav_section,
            nav_current="page" if self.nav_is_section_page else "true",
        )
        return context
