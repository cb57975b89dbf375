"""A signed-in person's own links in the header: Omat sivut and what their roles lead to.

Every page shows them, so they must cost no query: the person's places (the regions they
coordinate, the organisations they belong to) are read at sign-in and kept in the session
(``SESSION_KEY``), as plain slugs and names. Omat sivut reads the same rows anyway and
refreshes the session's copy when a role has changed since. The links are a convenience:
every page they lead to checks permission itself, so a stale link is refused, never
obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from lib.scoping import scope
from lib.translation import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, active_language, localized
from network.models import Coordinator, Membership, Region

SESSION_KEY = "portal_places"


@dataclass(frozen=True)
class Place:
    """A region the person works in, with the role that gives them links there."""

    region_slug: str
    region_label: str
    coordinates: bool = False
    #: The organisation of the region the person belongs to (the first by name), if any.
    organisation_slug: str = ""
    is_editor: bool = False
    #: The label in each language (a session from before they were kept has none).
    region_labels: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The region's label in the active language."""
        return self.region_labels.get(active_language(), self.region_label)


def region_labels(region: Region) -> dict[str, str]:
    """A region's short label in every language: its abbreviation, else its name."""
    return {
        code: region.abbreviation or localized(region, "name", code).plain
        for code in (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES)
    }


def places_from(
    coordinators: Sequence[Coordinator], memberships: Sequence[Membership]
) -> list[dict[str, Any]]:
    """The person's places as JSON for the session: coordinated regions first, then the
    regions of their organisations, each region once.

    ``coordinators`` need their region joined, ``memberships`` their organisation's
    region: the dashboard's rows are exactly these, so refreshing costs nothing there.
    """
    places: dict[str, dict[str, Any]] = {}
    for coordinator in coordinators:
        region = coordinator.region
        places[region.slug] = {
            "region_slug": region.slug,
            "region_label": region.abbreviation or region.name,
            "region_labels": region_labels(region),
            "coordinates": True,
        }
    for membership in memberships:
        region = membership.organisation.region
        place = places.setdefault(
            region.slug,
            {
                "region_slug": region.slug,
                "region_label": region.abbreviation or region.name,
                "region_labels": region_labels(region),
            },
        )
        if not place.get("organisation_slug"):
            place["organisation_slug"] = membership.organisation.slug
        if membership.role == Membership.Role.EDITOR:
            place["is_editor"] = True
    return list(places.values())


def read_places(user: Any) -> list[dict[str, Any]]:
    """The person's places, read from the database: two queries.

    Their own places in every region, on purpose (called at sign-in, outside any region).
    """
    with scope(region=None):
        return _read_places(user)


def _read_places(user: Any) -> list[dict[str, Any]]:
    return places_from(
        list(
            Coordinator.objects.filter(user=user)
            .select_related("region")
            .order_by("region__position", "region__name")
        ),
        list(
            Membership.objects.filter(user=user)
            .select_related("organisation__region")
            .order_by("organisation__region__position", "organisation__name")
        ),
    )


def remember_places(request: HttpRequest, places: list[dict[str, Any]]) -> None:
    """Keep the places in the session, writing it only when they changed."""
    if request.session.get(SESSION_KEY) != places:
        request.session[SESSION_KEY] = places


@receiver(auth_signals.user_logged_in, dispatch_uid="portal-remember-places")
def remember_places_at_sign_in(
    sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session"):
        remember_places(request, read_places(user))


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class PersonalNavigation:
    """What the header shows of the person: their links, and the region whose main
    navigation a page of no region (Omat sivut, national and account pages) shows."""

    links: list[Link]
    region_slug: str


def personal_navigation(request: HttpRequest) -> PersonalNavigation:
    """The signed-in person's links from the session's places (no query), or for a
    visitor none; a session from before places were kept reads them once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return PersonalNavigation(links=[], region_slug=settings.DEFAULT_REGION_SLUG)
    if SESSION_KEY not in request.session:
        remember_places(request, read_places(user))
    places = [Place(**place) for place in request.session.get(SESSION_KEY, [])]
    path = request.path
    several = len([place for place in places if place.coordinates]) > 1

    def link(label: str, url: str, *, exact: bool = False) -> Link:
        return Link(label, url, current=path == url if exact else path.startswith(url))

    links = [link(_("My pages"), reverse("dashboard"), exact=True)]
    for place in places:
        slug = place.region_slug
        suffix = f" ({place.label})" if several else ""
        if place.coordinates:
            links += [
                link(_("Edit the strategy") + suffix, reverse("editor:home", args=[slug])),
                link(_("Review queue") + suffix, reverse("review:queue", args=[slug])),
                link(_("Annual reports") + suffix, reverse("reports:list", args=[slug])),
            ]
        elif place.organisation_slug:
            links.append(link(_("My organisation"), reverse("guidance:mine", args=[slug])))
    if getattr(user, "is_national_team", False) or getattr(user, "is_superuser", False):
        links.append(link(_("National pages"), reverse("national:home")))
        links.append(link(_("Annual reports"), reverse("reporting:index"), exact=True))
    region_slug = places[0].region_slug if places else ""
    return PersonalNavigation(links=links, region_slug=region_slug)
