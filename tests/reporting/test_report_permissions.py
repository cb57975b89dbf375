"""Who may open the report pages: one table of (URL, method, persona) → status.

A visitor is sent to sign in (302); a person with no role in KASELO gets 404 for its
private reports; a role too weak gets 403. An accepted report is public. National pages
belong to no region: without the right, only the national team and administrators learn
more than 404.
"""

import pytest
from django.urls import reverse

from reporting.models import AnnualReport
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

OK = {200, 302}


def row(*statuses):
    return dict(zip(PERSONAS, statuses, strict=True))


READ_REGION = row(302, 200, 200, 404, 200, 404, 200)
EDIT = row(302, 403, 403, 404, 200, 404, 403)
EDIT_POST = row(302, 403, 403, 404, 302, 404, 403)
REVIEW = row(302, 403, 403, 404, 403, 404, 200)
REVIEW_POST = row(302, 403, 403, 404, 403, 404, 302)
PUBLIC = row(200, 200, 200, 200, 200, 200, 200)
NATIONAL_READ = row(302, 404, 404, 404, 200, 200, 200)
NATIONAL_MANAGE = row(302, 404, 404, 404, 404, 404, 200)
NOT_ALLOWED = row(405, 405, 405, 405, 405, 405, 405)

# (URL name, the report's status, method, expected by persona); KASELO's report on 2021.
CASES = [
    ("reports:list", None, "get", READ_REGION),
    ("reports:start", None, "post", EDIT_POST),
    ("reports:start", None, "get", row(302, 403, 403, 404, 405, 404, 403)),
    ("reports:detail", "draft", "get", READ_REGION),
    ("reports:detail", "accepted", "get", PUBLIC),
    ("reports:edit", "draft", "get", EDIT),
    ("reports:edit", "draft", "post", row(302, 403, 403, 404, OK, 404, 403)),
    ("reports:submit", "draft", "get", EDIT),
    ("reports:submit", "draft", "post", EDIT_POST),
    ("reports:accept", "submitted", "post", REVIEW_POST),
    ("reports:accept", "submitted", "get", row(302, 403, 403, 404, 403, 404, 405)),
    ("reports:return", "submitted", "get", REVIEW),
    ("reports:return", "submitted", "post", row(302, 403, 403, 404, 403, 404, 200)),
    ("reporting:index", None, "get", NATIONAL_READ),
    ("reporting:year_edit", None, "get", NATIONAL_MANAGE),
    ("reporting:year_edit", None, "post", row(302, 404, 404, 404, 404, 404, OK)),
    ("reporting:summary", None, "get", NATIONAL_READ),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "status", "method", "expected"), CASES)
def test_who_may_open_the_report_pages(
    personas, client_of, region, year_2021, name, status, method, expected, persona
):
    user = personas[persona]
    if status is not None:
        AnnualReport.objects.create(region=region, year=2021, status=status)
    if name.startswith("reports:"):
        kwargs = {"region": region.slug}
        if name != "reports:list":
            kwargs["year"] = 2021
    else:
        kwargs = {} if name == "reporting:index" else {"year": 2021}

    client = client_of(user)
    response = getattr(client, method)(reverse(name, kwargs=kwargs))

    wanted = expected[persona]
    assert response.status_code in (wanted if isinstance(wanted, set) else {wanted})
    if persona == "visitor" and wanted == 302:
        assert "/tili/" in response["Location"]


def test_an_unknown_year_answers_404_even_to_the_coordinator(client_of, region, coordinator):
    client = client_of(coordinator)
    assert client.get(reverse("reports:detail", args=[region.slug, 2021])).status_code == 404
    assert client.get(reverse("reporting:summary", args=[2099])).status_code == 404
