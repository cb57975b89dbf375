"""The admin keeps a fixed year's framework as it is for staff who are not superusers; a
superuser may still correct it, and an open year's framework stays editable."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from reporting import services
from reporting.models import SubTheme, Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    """Staff with every permission on the framework, but not a superuser."""
    user = UserFactory(email="tuki@elo.example", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="reporting",
            content_type__model__in=["theme", "subtheme", "level"],
        )
    )
    return user


@pytest.fixture
def fixed(draft, coordinator, year_2021):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    return year_2021


def theme_data(theme: Theme, title: str) -> dict[str, str]:
    return {
        "reporting_year": str(theme.reporting_year_id),
        "number": str(theme.number),
        "title": title,
        "description": theme.description,
        "sub_themes-TOTAL_FORMS": "0",
        "sub_themes-INITIAL_FORMS": "0",
        "sub_themes-MIN_NUM_FORMS": "0",
        "sub_themes-MAX_NUM_FORMS": "1000",
    }


def test_staff_cannot_change_or_delete_a_fixed_year_s_framework(client_of, staff, fixed):
    theme = Theme.objects.get(reporting_year=fixed, number=1)
    sub_theme = SubTheme.objects.filter(theme=theme).first()
    client = client_of(staff)

    page = client.get(reverse("admin:reporting_theme_change", args=[theme.pk]))
    assert page.status_code == 200
    assert 'name="title"' not in page.content.decode()  # read-only
    client.post(reverse("admin:reporting_theme_change", args=[theme.pk]), theme_data(theme, "X"))
    assert Theme.objects.get(pk=theme.pk).title == theme.title
    assert (
        client.post(reverse("admin:reporting_theme_delete", args=[theme.pk]), {"post": "yes"})
    ).status_code == 403
    assert (
        client.post(
            reverse("admin:reporting_subtheme_delete", args=[sub_theme.pk]), {"post": "yes"}
        )
    ).status_code == 403
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_staff_cannot_add_a_theme_to_a_fixed_year(client_of, staff, fixed):
    theme = Theme.objects.get(reporting_year=fixed, number=1)
    data = theme_data(theme, "UUSI")
    data["number"] = "9"

    response = client_of(staff).post(reverse("admin:reporting_theme_add"), data)

    assert response.status_code == 200
    assert not Theme.objects.filter(reporting_year=fixed, number=9).exists()


def test_staff_change_an_open_year_and_a_superuser_a_fixed_one(
    client_of, staff, site_admin, year_2021, draft
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    response = client_of(staff).post(
        reverse("admin:reporting_theme_change", args=[theme.pk]), theme_data(theme, "AVOIN")
    )
    assert response.status_code == 302
    assert Theme.objects.get(pk=theme.pk).title == "AVOIN"

    draft.answers.update(level=1)
    services.submit_report(draft, draft.submitted_by or UserFactory())
    client_of(site_admin).post(
        reverse("admin:reporting_theme_change", args=[theme.pk]), theme_data(theme, "KORJATTU")
    )
    assert Theme.objects.get(pk=theme.pk).title == "KORJATTU"
