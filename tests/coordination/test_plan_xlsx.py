"""The plan in and out of Excel: the current version's workbook, the empty template, and
the import into a draft version, which never changes the current one."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from coordination import plan_transfer
from coordination.plan_transfer import (
    ACTION_SHEET,
    FOCUS_AREA_SHEET,
    GOAL_SHEET,
    INDICATOR_SHEET,
    STRATEGY_SHEET,
    ImportFileError,
    PlanImportRefused,
)
from strategy.comparison import compare_versions
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy
from tests.factories import (
    ActionFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    NationalGoalFactory,
    OrganisationFactory,
    RegionFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_of(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def upload(workbook, name="suunnitelma.xlsx"):
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue(), content_type=XLSX)


def records(sheet):
    """The sheet's rows as dictionaries by heading."""
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def column_of(sheet, heading):
    return [cell.value for cell in sheet[1]].index(heading) + 1


def finnish(message, **values):
    """A message as the import words it: in Finnish, values filled in."""
    with translation.override("fi"):
        text = gettext(message)
    return text % values if values else text


def plan_state(strategy):
    """Everything of a version an import could touch, to compare before and after."""
    strategy = Strategy.objects.get(pk=strategy.pk)
    return {
        "strategy": (strategy.title, strategy.version, strategy.is_current, strategy.vision),
        "focus_areas": sorted(
            FocusArea.objects.filter(strategy=strategy).values_list("pk", "number", "title")
        ),
        "goals": sorted(
            Goal.objects.filter(focus_area__strategy=strategy).values_list("pk", "title")
        ),
        "actions": sorted(
            Action.objects.filter(focus_area__strategy=strategy).values_list(
                "pk", "title", "status", "lead_organisation", "position"
            )
        ),
        "responsibles": sorted(
            Action.responsible_organisations.through.objects.filter(
                action__focus_area__strategy=strategy
            ).values_list("action_id", "organisation_id")
        ),
        "indicators": sorted(
            Indicator.objects.filter(strategy=strategy).values_list("pk", "title", "baseline")
        ),
        "values": sorted(
            IndicatorValue.objects.filter(indicator__strategy=strategy).values_list(
                "pk", "year", "value"
            )
        ),
    }


# --- A small plan of factories -------------------------------------------------------------


@pytest.fixture
def plan(strategy, focus_area, kotka, lut):
    """One focus area with two goals and two actions, a second area, an indicator."""
    national = NationalGoalFactory(number=2)
    focus_area.national_goals.set([national])
    second = FocusAreaFactory(strategy=strategy, number=2, title="MONIALAINEN YHTEISTYÖ")
    first_goal = GoalFactory(focus_area=focus_area, title="Palvelut saavutettavia", position=0)
    GoalFactory(focus_area=focus_area, title="Ohjaus monikanavaista", position=1)
    action = ActionFactory(
        focus_area=focus_area,
        title="Ohjaamoiden verkosto",
        lead_organisation=kotka,
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2023, 12, 31),
        monitoring_note="Kävijämäärät",
        position=0,
    )
    action.goals.set([first_goal])
    action.responsible_organisations.set([kotka, lut])
    ActionFactory(focus_area=focus_area, title="Chat-palvelu", position=1)
    indicator = IndicatorFactory(
        strategy=strategy,
        title="Työllisyysaste",
        baseline=Decimal("70.10"),
        baseline_year=2020,
        target=Decimal("75"),
        target_year=2027,
    )
    indicator.focus_areas.set([focus_area, second])
    IndicatorValueFactory(indicator=indicator, year=2021, value=Decimal("71.5"))
    return strategy


def test_the_export_has_a_sheet_each_with_finnish_headings_and_typed_cells(plan, region):
    workbook = workbook_of(plan_transfer.export_plan(region))

    assert workbook.sheetnames == [
        STRATEGY_SHEET,
        FOCUS_AREA_SHEET,
        GOAL_SHEET,
        ACTION_SHEET,
        INDICATOR_SHEET,
        "Ohjeet",
    ]
    actions = records(workbook[ACTION_SHEET])
    assert list(actions[0]) == [
        "ID",
        "Painopistealue",
        "Tavoitteet",
        "Otsikko",
        "Kuvaus",
        "Tila",
        "Vastuuorganisaatio",
        "Vastuuorganisaatiot",
        "Muut vastuutahot",
        "Alkaa",
        "Päättyy",
        "Seuranta",
        "Otsikko ruotsiksi",
        "Kuvaus ruotsiksi",
        "Otsikko englanniksi",
        "Kuvaus englanniksi",
    ]
    first = actions[0]
    action = Action.objects.get(title="Ohjaamoiden verkosto")
    assert first["ID"] == action.pk
    assert first["Painopistealue"] == 1
    assert first["Tavoitteet"] == "1"
    with translation.override("fi"):
        assert first["Tila"] == str(Action.Status.ONGOING.label)
    assert first["Vastuuorganisaatio"] == "Ohjaamo Kotka"
    assert first["Vastuuorganisaatiot"] == "LUT-yliopisto; Ohjaamo Kotka"
    assert first["Alkaa"] == dt.datetime(2021, 1, 1)  # a date cell (openpyxl reads a datetime)
    assert first["Seuranta"] == "Kävijämäärät"
    [indicator] = records(workbook[INDICATOR_SHEET])
    assert indicator["Lähtötaso"] == pytest.approx(70.1)
    assert indicator["Lähtötason vuosi"] == 2020
    assert indicator["Tavoitetaso"] == 75
    assert indicator["Painopistealueet"] == "1; 2"
    [header] = records(workbook[STRATEGY_SHEET])
    assert header["Ensimmäinen vuosi"] == 2021
    assert [row["Kansalliset tavoitteet"] for row in records(workbook[FOCUS_AREA_SHEET])] == [
        "2",
        None,
    ]


def test_the_template_has_the_same_sheets_and_headings_and_no_rows(plan, region):
    export = workbook_of(plan_transfer.export_plan(region))
    template = workbook_of(plan_transfer.plan_template(region))

    assert template.sheetnames[0] == "Ohjeet"
    for name in (STRATEGY_SHEET, FOCUS_AREA_SHEET, GOAL_SHEET, ACTION_SHEET, INDICATOR_SHEET):
        assert template[name].max_row == 1
        assert [c.value for c in template[name][1]] == [c.value for c in export[name][1]]


def test_an_unchanged_export_imports_as_a_draft_equal_to_the_current_version(
    plan, region, monkeypatch
):
    before = plan_state(plan)
    continued = []

    def spy(source, copy):
        continued.append((type(source), source.pk, copy.pk))

    file = upload(workbook_of(plan_transfer.export_plan(region)))
    monkeypatch.setattr(plan_transfer, "_continue_identity", spy)

    outcome = plan_transfer.import_plan(region, file)

    assert outcome.is_valid, outcome.errors
    draft = outcome.draft
    assert (draft.version, draft.is_current, draft.previous_id) == (2, False, plan.pk)
    assert draft.title == plan.title
    assert plan_state(plan) == before
    # Every object continues its source, named before the copy is saved.
    assert sorted(kind.__name__ for kind, _pk, _copy in continued) == sorted(
        ["FocusArea"] * 2 + ["Goal"] * 2 + ["Action"] * 2 + ["Indicator"]
    )
    assert all(copy is None for _kind, _pk, copy in continued)
    action = Action.objects.get(focus_area__strategy=draft, title="Ohjaamoiden verkosto")
    assert action.lead_organisation.name == "Ohjaamo Kotka"
    assert sorted(o.name for o in action.responsible_organisations.all()) == [
        "LUT-yliopisto",
        "Ohjaamo Kotka",
    ]
    assert [g.title for g in action.goals.all()] == ["Palvelut saavutettavia"]
    assert action.goals.get().focus_area.strategy == draft
    assert (action.start_date, action.end_date) == (dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    indicator = Indicator.objects.get(strategy=draft)
    assert indicator.baseline == Decimal("70.10")
    assert sorted(fa.number for fa in indicator.focus_areas.all()) == [1, 2]
    assert list(indicator.values.values_list("year", "value")) == [(2021, Decimal("71.50"))]
    assert FocusArea.objects.get(strategy=draft, number=1).national_goals.get().number == 2


def test_the_preview_counts_each_sheet_and_writes_nothing(plan, region):
    workbook = workbook_of(plan_transfer.export_plan(region))
    actions = workbook[ACTION_SHEET]
    actions.delete_rows(3)  # "Chat-palvelu" left out
    actions.append([None, 2, None, "Uusi toimenpide"] + [None] * 8)
    strategies = Strategy.objects.count()

    outcome = plan_transfer.preview_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    counts = {s.sheet: (s.rows, s.continued, s.new, s.left_out) for s in outcome.summaries}
    assert counts == {
        FOCUS_AREA_SHEET: (2, 2, 0, 0),
        GOAL_SHEET: (2, 2, 0, 0),
        ACTION_SHEET: (2, 1, 1, 1),
        INDICATOR_SHEET: (1, 1, 0, 0),
    }
    assert Strategy.objects.count() == strategies


def test_a_region_with_a_draft_is_refused_a_second_one(plan, region):
    StrategyFactory(region=region, version=2, is_current=False)
    file = upload(workbook_of(plan_transfer.export_plan(region)))

    with pytest.raises(PlanImportRefused) as refused:
        plan_transfer.import_plan(region, file)

    assert refused.value.message == finnish(
        "The region already has a draft: publish or discard it first."
    )
    assert Strategy.objects.filter(region=region).count() == 2


def test_a_row_naming_an_object_of_another_region_is_an_error(plan, region, etela_savo):
    other = ActionFactory(focus_area__strategy__region=etela_savo)
    workbook = workbook_of(plan_transfer.export_plan(region))
    workbook[ACTION_SHEET].cell(row=2, column=1, value=other.pk)

    outcome = plan_transfer.preview_plan(region, upload(workbook))

    [error] = outcome.errors
    assert (error.sheet, error.line, error.column) == (ACTION_SHEET, 2, "ID")


# --- Bad files: Finnish messages, nothing saved ------------------------------------------------


def test_a_file_that_is_not_a_workbook_is_refused_with_a_finnish_message(plan, region):
    file = SimpleUploadedFile("suunnitelma.csv", b"Otsikko;Numero\n", content_type="text/csv")

    with pytest.raises(ImportFileError) as refused:
        plan_transfer.preview_plan(region, file)

    assert refused.value.message == finnish(
        "The plan is imported as an XLSX workbook with a sheet for each part. "
        "Export the plan or download the template, and fill that in."
    )
    fake = SimpleUploadedFile("suunnitelma.xlsx", b"not a zip", content_type=XLSX)
    with pytest.raises(ImportFileError) as refused:
        plan_transfer.preview_plan(region, fake)
    assert refused.value.message == finnish("The file is not a valid XLSX workbook.")


def _errors(outcome):
    return {(e.sheet, e.line, e.column): e.message for e in outcome.errors}


def test_bad_sheets_and_cells_are_reported_by_sheet_row_and_column(plan, region):
    workbook = workbook_of(plan_transfer.export_plan(region))
    del workbook[GOAL_SHEET]
    goals = workbook[FOCUS_AREA_SHEET]
    goals.cell(row=1, column=column_of(goals, "Kuvaus"), value="Selitys")
    header = workbook[STRATEGY_SHEET]
    header.cell(row=2, column=column_of(header, "Viimeinen vuosi"), value="vuosi 2027")
    actions = workbook[ACTION_SHEET]
    actions.cell(row=2, column=column_of(actions, "Vastuuorganisaatio"), value="Tuntematon oy")
    actions.cell(row=3, column=column_of(actions, "Painopistealue"), value=7)
    indicators = workbook[INDICATOR_SHEET]
    indicators.cell(row=2, column=column_of(indicators, "Tavoitevuosi"), value=1850)
    before = plan_state(plan)
    strategies = Strategy.objects.count()

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.draft is None
    errors = _errors(outcome)
    assert errors[(GOAL_SHEET, None, "")] == finnish(
        'The workbook has no sheet "%(sheet)s".', sheet=GOAL_SHEET
    )
    assert errors[(FOCUS_AREA_SHEET, 1, "Selitys")].startswith(
        finnish("Unknown column. The columns are: %(columns)s.", columns="")[:10]
    )
    assert errors[(FOCUS_AREA_SHEET, 1, "Kuvaus")] == finnish(
        'The sheet has no column "%(column)s".', column="Kuvaus"
    )
    assert errors[(STRATEGY_SHEET, 2, "Viimeinen vuosi")] == finnish(
        "'%(value)s' is not a whole number.", value="vuosi 2027"
    )
    assert errors[(ACTION_SHEET, 2, "Vastuuorganisaatio")] == finnish(
        "Unknown organisation '%(name)s': it is not a member of %(region)s.",
        name="Tuntematon oy",
        region=region.name,
    )
    assert errors[(ACTION_SHEET, 3, "Painopistealue")] == finnish(
        "The file has no focus area %(number)s.", number=7
    )
    assert errors[(INDICATOR_SHEET, 2, "Tavoitevuosi")] == finnish(
        "Give a year between %(first)s and %(last)s.", first=2000, last=2100
    )
    assert Strategy.objects.count() == strategies
    assert plan_state(plan) == before


def test_goal_numbers_an_action_names_must_be_in_its_focus_area(plan, region):
    workbook = workbook_of(plan_transfer.export_plan(region))
    actions = workbook[ACTION_SHEET]
    actions.cell(row=2, column=column_of(actions, "Tavoitteet"), value="1; 5")
    actions.cell(row=2, column=column_of(actions, "Päättyy"), value=dt.date(2020, 1, 1))

    errors = _errors(plan_transfer.preview_plan(region, upload(workbook)))

    assert errors == {
        (ACTION_SHEET, 2, "Tavoitteet"): finnish(
            "Focus area %(focus_area)s has no goal %(number)s in the file.",
            focus_area=1,
            number=5,
        ),
        (ACTION_SHEET, 2, "Päättyy"): finnish("The end is before the beginning."),
    }


# --- A first plan from the template ----------------------------------------------------------


def test_the_template_filled_in_starts_a_regions_first_plan_as_a_draft(kotka):
    region = kotka.region
    assert not Strategy.objects.filter(region=region).exists()
    workbook = workbook_of(plan_transfer.plan_template(region))
    workbook[STRATEGY_SHEET].append(
        [
            "Toimintasuunnitelma",
            2025,
            2030,
            None,
            "Visio",
            "osaaminen, luottamus",
            None,
            "Yleistavoite",
            None,
        ]
    )
    workbook[FOCUS_AREA_SHEET].append([None, 1, "SAAVUTETTAVUUS", None, None])
    workbook[GOAL_SHEET].append([None, 1, 1, "Palvelut kaikille"])
    workbook[ACTION_SHEET].append(
        [None, 1, "1", "Ohjaamo", None, "Käynnissä", "Ohjaamo Kotka", None, None, "1.1.2025"]
    )
    workbook[INDICATOR_SHEET].append([None, "Työllisyysaste", None, "%", None, "70,1", 2024])

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    draft = outcome.draft
    assert (draft.version, draft.is_current, draft.previous) == (1, False, None)
    assert (draft.title, draft.start_year, draft.end_year) == ("Toimintasuunnitelma", 2025, 2030)
    action = Action.objects.get(focus_area__strategy=draft)
    assert (action.status, action.lead_organisation, action.start_date) == (
        Action.Status.ONGOING,
        kotka,
        dt.date(2025, 1, 1),
    )
    assert action.goals.get().title == "Palvelut kaikille"
    assert Indicator.objects.get(strategy=draft).baseline == Decimal("70.10")
    assert not Strategy.objects.filter(region=region, is_current=True).exists()


def test_a_first_plan_needs_the_strategy_row(kotka):
    workbook = workbook_of(plan_transfer.plan_template(kotka.region))
    workbook[FOCUS_AREA_SHEET].append([None, 1, "SAAVUTETTAVUUS", None, None])

    outcome = plan_transfer.import_plan(kotka.region, upload(workbook))

    assert [(e.sheet, e.line) for e in outcome.errors] == [(STRATEGY_SHEET, None)]
    assert not Strategy.objects.filter(region=kotka.region).exists()


# --- The round trip on the demo data -------------------------------------------------------


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    region = RegionFactory(slug="kaakkois-suomi")
    return region, Strategy.objects.get(region=region, is_current=True)


def test_the_demo_plan_round_trips_into_a_draft_with_the_changes(demo, monkeypatch):
    region, current = demo
    before = plan_state(current)
    continued = []
    monkeypatch.setattr(
        plan_transfer, "_continue_identity", lambda source, copy: continued.append((copy, source))
    )
    workbook = workbook_of(plan_transfer.export_plan(region))
    actions = workbook[ACTION_SHEET]
    rows = records(actions)
    assert len(rows) == Action.objects.filter(focus_area__strategy=current).count() == 81
    changed, removed = rows[1], rows[2]
    actions.cell(row=3, column=column_of(actions, "Otsikko"), value="Muutettu otsikko")
    actions.delete_rows(4)
    lead, responsibles = rows[0]["Vastuuorganisaatio"], rows[0]["Vastuuorganisaatiot"]
    new_row = [None, 5, None, "Uusi toimenpide Excelistä", "Kuvaus", "Suunniteltu", lead]
    new_row += [responsibles, None, dt.date(2024, 1, 1), dt.date(2025, 12, 31), "Seuranta"]
    actions.append(new_row)

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    draft = outcome.draft
    draft_actions = Action.objects.filter(focus_area__strategy=draft)
    assert draft_actions.count() == 81
    sources = {copy.title: source.pk for copy, source in continued if isinstance(copy, Action)}
    assert sources["Muutettu otsikko"] == changed["ID"]
    assert removed["ID"] not in sources.values()
    assert "Uusi toimenpide Excelistä" not in sources
    new = draft_actions.get(title="Uusi toimenpide Excelistä")
    # The demo's first action names its responsible organisations but not its lead: the
    # file says so, and the new row copying the cells keeps it so.
    assert lead == plan_transfer.NOT_KNOWN
    assert (new.focus_area.number, new.status, new.lead_organisation, new.lead_unknown) == (
        5,
        "planned",
        None,
        True,
    )
    assert not new.responsibles_unknown
    assert new.responsible_organisations.count() == 2
    # What the current version leaves unknown stays unknown in the draft.
    for flag in ("lead_unknown", "responsibles_unknown", "status"):
        assert sorted(draft_actions.exclude(pk=new.pk).values_list(flag, flat=True)) == sorted(
            Action.objects.filter(focus_area__strategy=current)
            .exclude(pk=removed["ID"])
            .values_list(flag, flat=True)
        )
    assert new.position == max(a.position for a in Action.objects.filter(focus_area=new.focus_area))
    for model, path in ((FocusArea, "strategy"), (Goal, "focus_area__strategy")):
        assert model.objects.filter(**{path: draft}).count() == (
            model.objects.filter(**{path: current}).count()
        )
    assert Indicator.objects.filter(strategy=draft).count() == (
        Indicator.objects.filter(strategy=current).count()
    )
    # The current version is as it was, and still the current one.
    assert plan_state(current) == before
    assert Action.objects.get(pk=changed["ID"]).title == changed["Otsikko"]
    assert Strategy.objects.get(region=region, is_current=True) == current


def test_the_draft_from_excel_compares_with_the_current_version_as_its_changes(demo):
    """Export, change one title, delete one action, add one, import: the comparison of the
    current version and the draft names exactly those three, the rest paired by lineage."""
    region, current = demo
    workbook = workbook_of(plan_transfer.export_plan(region))
    actions = workbook[ACTION_SHEET]
    rows = records(actions)
    removed = rows[2]
    actions.cell(row=3, column=column_of(actions, "Otsikko"), value="Muutettu otsikko")
    actions.delete_rows(4)
    lead, responsibles = rows[0]["Vastuuorganisaatio"], rows[0]["Vastuuorganisaatiot"]
    new_row = [None, 5, None, "Uusi toimenpide Excelistä", "Kuvaus", "Suunniteltu", lead]
    new_row += [responsibles, None, dt.date(2024, 1, 1), dt.date(2025, 12, 31), "Seuranta"]
    actions.append(new_row)
    outcome = plan_transfer.import_plan(region, upload(workbook))
    assert outcome.is_valid, outcome.errors

    comparison = compare_versions(current, outcome.draft)

    actions = comparison.actions
    assert [item.title for item in actions.added] == ["Uusi toimenpide Excelistä"]
    assert [item.title for item in actions.removed] == [removed["Otsikko"]]
    assert [changed_item.item.title for changed_item in actions.changed] == ["Muutettu otsikko"]
    assert [kind.count for kind in (comparison.focus_areas, comparison.goals)] == [0, 0]
    assert comparison.indicators.count == 0
    assert comparison.header == ()


def test_the_export_reads_a_fixed_number_of_queries(demo, django_assert_max_num_queries):
    region, _current = demo
    # The current strategy, its focus areas and their national goals, goals, actions
    # with their lead, goals and responsible organisations, indicators and their focus areas.
    with django_assert_max_num_queries(9):
        plan_transfer.export_plan(region)


def test_the_exports_queries_do_not_grow_with_the_plan(plan, region, kotka):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        plan_transfer.export_plan(region)
    focus_area = FocusArea.objects.get(strategy=plan, number=2)
    for number in range(5):
        goal = GoalFactory(focus_area=focus_area)
        action = ActionFactory(focus_area=focus_area, lead_organisation=kotka)
        action.goals.set([goal])
        action.responsible_organisations.set([kotka])
        IndicatorFactory(strategy=plan, title=f"Mittari {number}").focus_areas.set([focus_area])
    with CaptureQueriesContext(connection) as large:
        plan_transfer.export_plan(region)

    assert len(large) == len(small)


# --- The pages ------------------------------------------------------------------------


def plan_url(name, region="kaakkois-suomi"):
    return reverse(f"transfer:{name}", kwargs={"region": region})


def test_the_coordinator_downloads_the_plan_and_the_template(plan, coordinator, client_of):
    client = client_of(coordinator)

    export = client.get(plan_url("plan_export"))
    template = client.get(plan_url("plan_template"))

    assert export.status_code == 200
    assert export["Content-Type"] == XLSX
    assert "attachment" in export["Content-Disposition"]
    assert workbook_of(export.content)[ACTION_SHEET].max_row == 3
    assert template.status_code == 200
    assert workbook_of(template.content)[ACTION_SHEET].max_row == 1


def test_a_region_without_a_plan_has_no_export_but_a_template(region, coordinator, client_of):
    client = client_of(coordinator)

    assert client.get(plan_url("plan_export")).status_code == 404
    assert client.get(plan_url("plan_template")).status_code == 200
    home = client.get(reverse("editor:home", kwargs={"region": region.slug})).content.decode()
    assert plan_url("plan_import") in home
    assert plan_url("plan_template") in home


def test_the_pages_link_to_the_plans_workbook(plan, coordinator, client_of):
    client = client_of(coordinator)

    index = client.get(plan_url("index")).content.decode()
    home = client.get(reverse("editor:home", kwargs={"region": "kaakkois-suomi"})).content
    page = client.get(plan_url("plan_import")).content.decode()

    for link in ("plan_import", "plan_export", "plan_template"):
        assert plan_url(link) in index
    assert plan_url("plan_export") in home.decode()
    assert plan_url("plan_export") in page


def test_an_upload_shows_the_preview_and_the_confirmation_creates_the_draft(
    plan, region, coordinator, client_of
):
    client = client_of(coordinator)
    workbook = workbook_of(client.get(plan_url("plan_export")).content)
    workbook[ACTION_SHEET].cell(row=2, column=4, value="Uusi nimi")

    preview = client.post(plan_url("plan_import"), {"file": upload(workbook)})

    assert preview.status_code == 200
    assert not Strategy.objects.filter(region=region, is_current=False).exists()
    summaries = {s.sheet: s for s in preview.context["outcome"].summaries}
    assert summaries[ACTION_SHEET].continued == 2
    assert b'name="confirm"' in preview.content

    confirmed = client.post(plan_url("plan_import"), {"confirm": "1"})

    assert confirmed.status_code == 302
    assert confirmed.url == reverse("editor:home", kwargs={"region": region.slug})
    draft = Strategy.objects.get(region=region, is_current=False)
    assert Action.objects.filter(focus_area__strategy=draft, title="Uusi nimi").exists()
    assert not Action.objects.filter(focus_area__strategy=plan, title="Uusi nimi").exists()
    assert Strategy.objects.get(region=region, is_current=True) == plan


def test_an_upload_with_errors_shows_them_by_sheet_and_row_without_a_confirm_button(
    plan, region, coordinator, client_of
):
    client = client_of(coordinator)
    workbook = workbook_of(plan_transfer.export_plan(region))
    workbook[ACTION_SHEET].cell(row=3, column=2, value=9)

    response = client.post(plan_url("plan_import"), {"file": upload(workbook)})

    assert response.status_code == 200
    assert b'name="confirm"' not in response.content
    [error] = response.context["outcome"].errors
    assert (error.sheet, error.line) == (ACTION_SHEET, 3)
    assert error.message in response.content.decode()
    assert client.post(plan_url("plan_import"), {"confirm": "1"}).status_code == 302
    assert not Strategy.objects.filter(region=region, is_current=False).exists()


def test_the_import_page_says_a_draft_waits_and_offers_no_upload(
    plan, region, coordinator, client_of
):
    StrategyFactory(region=region, version=2, is_current=False)

    response = client_of(coordinator).get(plan_url("plan_import"))

    assert response.context["has_draft"]
    assert b'type="file"' not in response.content


def test_another_regions_organisation_is_not_a_member_here(plan, region, mikkeli):
    OrganisationFactory(region=mikkeli.region, name="Vain Mikkelissä")
    workbook = workbook_of(plan_transfer.export_plan(region))
    actions = workbook[ACTION_SHEET]
    actions.cell(row=2, column=column_of(actions, "Vastuuorganisaatiot"), value="Vain Mikkelissä")

    errors = _errors(plan_transfer.preview_plan(region, upload(workbook)))

    assert errors == {
        (ACTION_SHEET, 2, "Vastuuorganisaatiot"): finnish(
            "Organisation '%(name)s' belongs to another region's network.",
            name="Vain Mikkelissä",
        )
    }
