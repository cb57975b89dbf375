"""Region scoping (``lib/scoping.py``): the one gate every query of a region's rows goes through.

Test code runs with scoping off (``tests/conftest.py``); these tests turn it back on with
``request_scope()`` (on, no region: where every request and every worker starts) and enter
regions with ``scope()``, as the code does.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from coordination import transfer
from events.models import Event
from kaselo import urls as kaselo_urls
from lib.scoping import (
    RegionScopedManager,
    ScopeError,
    get_scope,
    own_filters_only,
    request_scope,
    scope,
    scoped_models,
    scopes_disabled,
)
from network.models import Organisation, Region
from reporting import pdf, tasks
from reporting.models import PdfJob
from strategy.models import Indicator, IndicatorValue, Strategy
from tests import factories
from tests.test_region_isolation import REGION_PATH

pytestmark = pytest.mark.django_db

#: One factory per region-owned model; each call makes a row in a region of its own.
FACTORIES: dict[type[models.Model], Any] = {
    model: getattr(factories, f"{model.__name__}Factory") for model in REGION_PATH
}


def region_of(obj: models.Model) -> int:
    with scopes_disabled():
        return (
            type(obj)
            ._default_manager.filter(pk=obj.pk)
            .values_list(REGION_PATH[type(obj)], flat=True)
            .get()
        )


# --- Every region-owned model is scoped, by its path -------------------------------------


def test_every_region_owned_model_has_a_scoped_default_manager():
    for model, region_path in REGION_PATH.items():
        assert isinstance(model._default_manager, RegionScopedManager), model
        assert model._default_manager is model.objects, model
        assert scoped_models()[model] == region_path, model
    assert set(scoped_models()) == set(REGION_PATH)


def test_no_other_model_of_the_portal_is_scoped():
    portal = {"network", "strategy", "actions", "events", "reporting", "accounts"}
    for model in apps.get_models():
        if model._meta.app_label in portal and model not in REGION_PATH:
            assert not isinstance(model._default_manager, RegionScopedManager), model


def test_the_scoped_managers_keep_their_custom_queryset_methods():
    region = factories.RegionFactory()
    with request_scope(), scope(region=region.pk):
        assert list(Organisation.objects.for_region(region).active()) == []
        assert list(Event.objects.for_region(region).published()) == []
        assert list(Strategy.objects.current()) == []


# --- Outside any region: loud ------------------------------------------------------------


@pytest.mark.parametrize("model", list(REGION_PATH), ids=lambda m: m.__name__)
def test_a_query_outside_any_region_raises(model):
    FACTORIES[model]()
    with request_scope():
        with pytest.raises(ScopeError):
            list(model.objects.all())
        with pytest.raises(ScopeError):
            model.objects.filter(pk__gt=0).count()
        with pytest.raises(ScopeError):
            model.objects.exists()
        with pytest.raises(ScopeError):
            model.objects.get(pk=1)


def test_a_custom_queryset_method_outside_any_region_raises_a_scope_error():
    """Not AttributeError, as django-scopes' DisabledQuerySet would."""
    region = factories.RegionFactory()
    with request_scope():
        queryset = Event.objects.for_region(region).published()
        with pytest.raises(ScopeError):
            list(queryset)
        with pytest.raises(ScopeError):
            Organisation.objects.for_region(region).first()


def test_a_related_manager_outside_any_region_raises():
    strategy = factories.StrategyFactory()
    with request_scope(), pytest.raises(ScopeError):
        list(strategy.focus_areas.all())


def test_a_queryset_built_outside_a_scope_takes_the_scope_it_is_read_in():
    """Form fields built at import time (``_default_manager.using()``) are read later."""
    mine, theirs = factories.OrganisationFactory(), factories.OrganisationFactory()
    with request_scope():
        queryset = Organisation.objects.using("default").order_by("pk")
        with scope(region=mine.region_id):
            assert list(queryset.all()) == [mine]
        with scope(region=theirs.region_id):
            assert list(queryset.all()) == [theirs]
            assert list(queryset.all()[:5]) == [theirs]
        with pytest.raises(ScopeError):
            list(queryset.all())


def test_creating_needs_no_scope_but_reading_back_does():
    region = factories.RegionFactory()
    with request_scope():
        organisation = factories.OrganisationFactory(region=region)
        with pytest.raises(ScopeError):
            Organisation.objects.get(pk=organisation.pk)


# --- Inside region A: region B's rows are not found --------------------------------------


@pytest.mark.parametrize("model", list(REGION_PATH), ids=lambda m: m.__name__)
def test_in_one_regions_scope_anothers_rows_are_not_found(model):
    mine, theirs = FACTORIES[model](), FACTORIES[model]()
    my_region, their_region = region_of(mine), region_of(theirs)
    assert my_region != their_region
    with request_scope():
        with scope(region=my_region):
            assert model.objects.filter(pk=mine.pk).exists()
            assert not model.objects.filter(pk=theirs.pk).exists()
            with pytest.raises(model.DoesNotExist):
                model.objects.get(pk=theirs.pk)
            assert theirs.pk not in model.objects.values_list("pk", flat=True)
        with scope(region=[their_region]):
            assert list(model.objects.filter(pk__in=[mine.pk, theirs.pk])) == [theirs]
        with scope(region=None):  # every region, on purpose
            assert model.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2


def test_in_one_regions_scope_related_managers_and_subqueries_are_scoped_too():
    mine, theirs = factories.FocusAreaFactory(), factories.FocusAreaFactory()
    with request_scope(), scope(region=mine.strategy.region_id):
        assert list(mine.strategy.focus_areas.all()) == [mine]
        assert list(theirs.strategy.focus_areas.all()) == []
        assert list(Strategy.objects.filter(focus_areas__in=factories_ids(mine, theirs))) == [
            mine.strategy
        ]


def factories_ids(*objects: models.Model) -> list[int]:
    return [obj.pk for obj in objects]


def test_own_filters_only_still_needs_a_scope_but_filters_nothing():
    mine, theirs = factories.OrganisationFactory(), factories.OrganisationFactory()
    with request_scope(), own_filters_only():
        with pytest.raises(ScopeError):
            list(Organisation.objects.all())
        with scope(region=mine.region_id):
            assert set(Organisation.objects.filter(pk__in=[mine.pk, theirs.pk])) == {mine, theirs}


# --- Requests go through the middleware, whatever the test's own scope -------------------


def forgetful_view(request: Any) -> HttpResponse:
    """A view that forgets to enter its region."""
    return HttpResponse(str(Organisation.objects.count()))


def remembering_view(request: Any) -> HttpResponse:
    region = Region.objects.get(slug=request.GET["region"])
    with scope(region=region.pk):
        return HttpResponse(str(Organisation.objects.count()))


urlpatterns = [
    path("forgets/", forgetful_view),
    path("remembers/", remembering_view),
    *kaselo_urls.urlpatterns,  # the error pages link to the portal's
]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_that_forgets_its_region_fails_even_when_the_test_has_scoping_off(client):
    assert get_scope().get("_enabled") is False  # tests/conftest.py
    organisation = factories.OrganisationFactory()
    factories.OrganisationFactory()
    with pytest.raises(ScopeError):
        client.get("/forgets/")
    response = client.get("/remembers/", {"region": organisation.region.slug})
    assert response.content == b"1"


@override_settings(ROOT_URLCONF=__name__)
def test_in_production_a_forgotten_region_answers_500(client):
    client.raise_request_exception = False
    factories.OrganisationFactory()
    assert client.get("/forgets/").status_code == 500


def test_a_region_page_reads_its_own_region_under_real_scoping(client):
    """RegionMixin enters the URL's region: its page finds its organisation, not another's."""
    mine, theirs = factories.OrganisationFactory(), factories.OrganisationFactory()
    page = client.get(f"/{mine.region.slug}/organisaatiot/{mine.slug}/")
    assert page.status_code == 200
    assert client.get(f"/{mine.region.slug}/organisaatiot/{theirs.slug}/").status_code == 404


# --- Celery tasks, imports, exports, commands and signals enter their scope --------------


@pytest.mark.parametrize("kind", ["regional", "national"])
def test_the_pdf_task_runs_in_its_jobs_scope(kind, monkeypatch):
    region = factories.RegionFactory()
    job = factories.PdfJobFactory(
        region=region if kind == "regional" else None,
        kind=PdfJob.Kind.TNO_SUMMARY if kind == "regional" else PdfJob.Kind.NATIONAL_SUMMARY,
        status=PdfJob.Status.QUEUED,
    )
    seen: dict[str, Any] = {}

    def run_job(job_id: str) -> str:
        seen["scope"] = dict(get_scope())
        seen["visible"] = PdfJob.objects.filter(pk=job_id).exists()  # a scoped query works
        return "done"

    monkeypatch.setattr(pdf, "run_job", run_job)
    with request_scope():  # a worker: scoping on, no region
        assert tasks.build_pdf.apply(args=[str(job.pk)]).get() == "done"
    assert seen["scope"]["region"] == (region.pk if kind == "regional" else None)
    assert seen["visible"]


def test_the_expired_pdf_task_runs_outside_any_request():
    factories.PdfJobFactory()
    with request_scope():
        tasks.delete_expired_pdfs.apply().get()


@pytest.mark.parametrize("dataset", list(transfer.DATASETS))
def test_each_export_and_import_enters_its_regions_scope(dataset):
    """Called as a worker or a command would: scoping on, no region. The export reads only
    its region's rows, and its own file imports back unchanged."""
    region = factories.RegionFactory()
    strategy = factories.StrategyFactory(region=region, is_current=True)
    indicator = factories.IndicatorFactory(strategy=strategy)
    factories.IndicatorValueFactory(indicator=indicator, year=2024)
    factories.OrganisationFactory(region=region, name="Oma organisaatio")
    factories.OrganisationFactory(name="Toisen alueen organisaatio")
    other_value = factories.IndicatorValueFactory(year=2024)
    with request_scope():
        exported = "".join(transfer.export_csv(region, dataset))
        transfer.export_xlsx(region, dataset)
        upload = io.BytesIO(exported.encode("utf-8"))
        upload.name = f"{dataset}.csv"
        if len(exported.splitlines()) > 1:
            preview = transfer.preview_import(region, dataset, upload)
            assert preview.is_valid, preview.errors
            assert not preview.has_changes
        else:  # no rows to import back: a file with one row of the region's own
            with pytest.raises(transfer.ImportFileError):
                transfer.preview_import(region, dataset, upload)
    assert "Toisen alueen" not in exported
    assert IndicatorValue.objects.filter(pk=other_value.pk).exists()


def test_the_page_cache_signal_finds_the_region_outside_any_scope(monkeypatch):
    from portal import page_cache

    value = factories.IndicatorValueFactory()
    bumped: list[Any] = []
    monkeypatch.setattr(page_cache, "bump", lambda *ids: bumped.extend(ids))
    with request_scope():
        value.save()
    assert bumped == [value.indicator.strategy.region_id]


def test_the_reference_data_command_enters_its_scope():
    with request_scope():
        call_command("load_reference_data", stdout=io.StringIO())
    assert Indicator.objects.model is Indicator  # reached without ScopeError


def test_the_admin_reads_every_region(client_of):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    factories.OrganisationFactory(name="Ensimmäinen")
    factories.OrganisationFactory(name="Toinen")
    client = client_of(staff)
    page = client.get("/admin/network/organisation/")
    assert page.status_code == 200
    assert "Ensimmäinen" in page.content.decode()
    assert "Toinen" in page.content.decode()
