"""Two coordinators with the annual report's form open: the second save never undoes the first.

The form carries the report as it was read; a save of a form read before another save is
refused with a message, keeps what was typed, and can be sent again on top of it.
"""

from django.urls import reverse

from reporting.models import AnnualReport
from tests.factories import CoordinatorFactory, UserFactory

from .conftest import form_data


def edit_url(region):
    return reverse("reports:edit", kwargs={"region": region.slug, "year": 2021})


def read_version(response) -> str:
    return response.context["form"]["read_version"].value()


def test_a_save_of_a_form_read_before_another_save_is_refused_and_keeps_the_text(
    client_of, region, coordinator, framework, draft
):
    colleague = UserFactory(email="toinen.koordinaattori@kaselo.example")
    CoordinatorFactory(user=colleague, region=region)
    first, second = client_of(coordinator), client_of(colleague)
    first_version = read_version(first.get(edit_url(region)))
    second_version = read_version(second.get(edit_url(region)))

    saved = first.post(
        edit_url(region),
        {**form_data(framework, summary="Ensimmäisen yhteenveto."), "read_version": first_version},
    )
    refused = second.post(
        edit_url(region),
        {**form_data(framework, summary="Toisen yhteenveto."), "read_version": second_version},
    )

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert AnnualReport.objects.get(pk=draft.pk).summary == "Ensimmäisen yhteenveto."
    page = refused.content.decode()
    assert "Joku muu tallensi raportin sillä välin" in page
    assert "Toisen yhteenveto." in page
    # Sent again with the version the refusal carries, it replaces the other save knowingly.
    again = second.post(
        edit_url(region),
        {
            **form_data(framework, summary="Toisen yhteenveto."),
            "read_version": read_version(refused),
        },
    )
    assert again.status_code == 302
    assert AnnualReport.objects.get(pk=draft.pk).summary == "Toisen yhteenveto."


def test_a_form_read_after_the_last_save_saves(client_of, region, coordinator, framework, draft):
    client = client_of(coordinator)
    client.post(
        edit_url(region),
        {
            **form_data(framework, summary="Ensin."),
            "read_version": read_version(client.get(edit_url(region))),
        },
    )

    response = client.post(
        edit_url(region),
        {
            **form_data(framework, summary="Sitten."),
            "read_version": read_version(client.get(edit_url(region))),
        },
    )

    assert response.status_code == 302
    assert AnnualReport.objects.get(pk=draft.pk).summary == "Sitten."
