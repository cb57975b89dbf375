"""The pages the benchmark measures, found in the generated national data.

Shared by the runner (``bench.probe``) and the query-count tests, so both measure the same
URLs as the same personas.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from bench.national_data import (
    MEASURED_MONTH,
    OPEN_YEAR,
    SLUG_PREFIX,
    coordinator_email,
    national_team_email,
)
from network.models import Organisation, Region

#: The month the events page shows: the builder puts an event in it at every scale.
EVENTS_MONTH = (OPEN_YEAR, MEASURED_MONTH)


@dataclass(frozen=True)
class Page:
    """A page to measure: its name in the results, its URL, who asks for it."""

    name: str
    url: str
    persona: str = ""  # "", "coordinator" or "national_team"
    is_yardstick: bool = False


def bench_region() -> Region:
    """The region every regional page is measured in: the portal's default region."""
    return Region.objects.get(slug=settings.DEFAULT_REGION_SLUG)


def persona_user(persona: str, region: Region) -> User | None:
    if persona == "coordinator":
        return User.objects.get(email=coordinator_email(region))
    if persona == "national_team":
        return User.objects.get(email=national_team_email())
    return None


def national_summary_url() -> str | None:
    """The national summary page, once reporting's URLs name it; None until then."""
    for name, kwargs in (
        ("reporting:summary", {"year": OPEN_YEAR - 1}),
        ("reporting:national_summary", {"year": OPEN_YEAR - 1}),
        ("reporting:summary", {}),
        ("reporting:national_summary", {}),
    ):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def main_pages(*, with_yardsticks: bool = True) -> list[Page]:
    """The main pages the benchmark measures in the default region, then the two yardsticks.

    The organisation measured is the generated one first by name: deterministic, and as
    busy as any other (its events and guidance actions are drawn like everyone's).
    """
    region = bench_region()
    organisation = (
        Organisation.objects.for_region(region)
        .filter(slug__startswith=SLUG_PREFIX, active=True)
        .order_by("name")
        .first()
    )
    if organisation is None:
        raise LookupError("No generated organisation: run build_national_data first.")
    year, month = EVENTS_MONTH
    slug = region.slug
    pages = [
        Page("home", reverse("strategy:home")),
        Page("focus_area", reverse("strategy:focus_area_detail", args=[slug, 1])),
        Page("organisation_directory", reverse("network:organisation_list", args=[slug])),
        Page(
            "organisation",
            reverse("network:organisation_detail", args=[slug, organisation.slug]),
        ),
        Page("events_month", reverse("events:event_month", args=[slug, year, month])),
        Page("editor", reverse("editor:home", args=[slug]), persona="coordinator"),
        Page("review_queue", reverse("review:queue", args=[slug]), persona="coordinator"),
    ]
    summary = national_summary_url()
    if summary is not None:
        pages.append(Page("national_summary", summary, persona="national_team"))
    if with_yardsticks:
        pages += [
            Page("trivial", "/_bench/trivial/", is_yardstick=True),
            Page("reference", "/_bench/reference/", is_yardstick=True),
        ]
    return pages
