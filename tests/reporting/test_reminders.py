"""The reporting year's reminders: each step of the schedule once, to the people it concerns,
in their language, with the deadline, what is missing and the link; never twice, not even
from two runs at once; caught up after a missed day; kept for later with the broker down."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
import zoneinfo

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from kaselo.celery import app
from lib.models import UnsentMail
from lib.scoping import scope
from lib.tasks import send_unsent_mail
from network.models import Membership
from reporting import reminders, tasks
from reporting.models import AnnualReport, EntryDeadline, ReportingYear, SentReminder, SubTheme
from tests.factories import (
    CoordinatorFactory,
    EventFactory,
    GuidanceActionFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
DUE = dt.date(2025, 3, 31)


@pytest.fixture
def year_2024(db):
    """2024's reports due on 31.3.2025: reminders 30 and 7 days before, weekly when late."""
    return ReportingYear.objects.create(
        year=2024, due_date=DUE, reminder_days=[30, 7], remind_weekly_when_overdue=True
    )


@pytest.fixture
def run(eager_tasks, django_capture_on_commit_callbacks, mailoutbox):
    """Run beat's task on ``day`` (time frozen at 7.30 Helsinki) and return the mails it sent."""

    def on(day: dt.date) -> list:
        before = len(mailoutbox)
        moment = dt.datetime.combine(day, dt.time(7, 30), tzinfo=HELSINKI)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            tasks.send_reminders()
        return list(mailoutbox[before:])

    return on


def report_subject(region, day, overdue=False, language="fi"):
    with translation.override(language):
        if overdue:
            text = gettext("Overdue: the annual report %(year)s of %(network)s was due on %(date)s")
        else:
            text = gettext("Reminder: the annual report %(year)s of %(network)s is due on %(date)s")
    return text % {"year": 2024, "network": region.network_name, "date": day}


# --- The schedule, step by step ------------------------------------------------------------


def test_the_coordinator_is_reminded_on_each_step_of_the_schedule_and_only_then(
    run, year_2024, region, coordinator
):
    quiet = [dt.date(2025, 2, 28), dt.date(2025, 3, 2), dt.date(2025, 3, 31)]
    assert [m.subject for m in run(dt.date(2025, 3, 1))] == [report_subject(region, "31.3.2025")]
    for day in quiet[:2]:
        assert run(day) == [], day
    assert [m.subject for m in run(dt.date(2025, 3, 24))] == [report_subject(region, "31.3.2025")]
    assert run(dt.date(2025, 3, 31)) == []
    # The day after the due date, then every seventh day while the report is late.
    assert [m.subject for m in run(dt.date(2025, 4, 1))] == [
        report_subject(region, "31.3.2025", overdue=True)
    ]
    for day in range(2, 8):
        assert run(dt.date(2025, 4, day)) == [], day
    assert len(run(dt.date(2025, 4, 8))) == 1
    assert set(SentReminder.objects.values_list("step", flat=True)) == {
        "report:2024:2025-03-31:before-30",
        "report:2024:2025-03-31:before-7",
        "report:2024:2025-03-31:overdue-1",
        "report:2024:2025-03-31:overdue-2",
    }


def test_a_year_without_weekly_reminders_falls_silent_after_the_due_date(
    run, year_2024, region, coordinator
):
    year_2024.remind_weekly_when_overdue = False
    year_2024.save()
    run(dt.date(2025, 3, 24))

    assert run(dt.date(2025, 4, 1)) == []
    assert run(dt.date(2025, 4, 8)) == []


def test_the_reminder_names_the_deadline_what_is_missing_and_the_link(
    run, year_2024, region, coordinator, settings
):
    settings.SITE_URL = "https://elo.example"
    report = AnnualReport.objects.create(region=region, year=2024)
    sub_themes = list(
        SubTheme.objects.filter(theme__reporting_year=year_2024)
        .select_related("theme")
        .order_by("theme__number", "number")
    )
    for sub_theme in sub_themes[1:]:
        report.answers.create(sub_theme=sub_theme, level=2)
    first = sub_themes[0]

    [message] = run(dt.date(2025, 3, 24))

    assert message.to == [coordinator.email]
    assert message.subject == report_subject(region, "31.3.2025")
    assert "31.3.2025" in message.body
    assert f"- {first.theme.number}.{first.number} {first.title}\n" in message.body
    assert sub_themes[1].title not in message.body
    assert "https://elo.example/kaakkois-suomi/raportit/2024/" in message.body


def test_a_report_not_started_is_linked_to_the_region_s_reports(
    run, year_2024, region, coordinator, settings
):
    settings.SITE_URL = "https://elo.example"

    [message] = run(dt.date(2025, 3, 1))

    with translation.override("fi"):
        assert gettext("The report has not been started yet.") in message.body
    assert "https://elo.example/kaakkois-suomi/raportit/\n" in message.body


def test_each_coordinator_gets_the_reminder_in_their_language(run, year_2024, region, coordinator):
    english = UserFactory(email="coordinator@kaselo.example", language="en")
    CoordinatorFactory(user=english, region=region)

    messages = {tuple(message.to): message for message in run(dt.date(2025, 3, 1))}

    assert set(messages) == {(english.email,), (coordinator.email,)}
    assert messages[(english.email,)].subject == (
        f"Reminder: the annual report 2024 of {region.network_name} is due on 31.3.2025"
    )
    assert "/en/kaakkois-suomi/reports/" in messages[(english.email,)].body
    assert messages[(coordinator.email,)].subject == report_subject(region, "31.3.2025")


def test_no_reminder_once_the_report_is_submitted(
    run, year_2024, region, coordinator, coordinator_of_other_region, etela_savo
):
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)

    sent = run(dt.date(2025, 3, 24))

    assert [message.to for message in sent] == [[coordinator_of_other_region.email]]
    assert run(dt.date(2025, 4, 1))[0].to == [coordinator_of_other_region.email]


def test_a_step_is_not_sent_twice(run, year_2024, region, coordinator):
    assert len(run(dt.date(2025, 3, 1))) == 1
    assert run(dt.date(2025, 3, 1)) == []
    assert SentReminder.objects.count() == 1


def test_a_missed_day_is_caught_up_once(run, year_2024, region, coordinator):
    # Beat was down on 24.3., the day of the 7-day step.
    assert len(run(dt.date(2025, 3, 25))) == 1
    assert run(dt.date(2025, 3, 26)) == []


def test_a_step_older_than_the_catch_up_window_is_not_sent(run, year_2024, region, coordinator):
    """A schedule set late does not send last month's step."""
    assert run(dt.date(2025, 3, 10)) == []


def test_moving_the_due_date_starts_the_steps_afresh(run, year_2024, region, coordinator):
    run(dt.date(2025, 3, 24))
    year_2024.due_date = dt.date(2025, 4, 30)
    year_2024.save()

    assert len(run(dt.date(2025, 4, 23))) == 1


# --- Entry deadlines -----------------------------------------------------------------------


@pytest.fixture
def entry_deadline(region, year_2024):
    return EntryDeadline.objects.create(region=region, year=2024, due_date=dt.date(2025, 1, 31))


def test_only_organisations_that_logged_nothing_are_reminded_before_the_entry_deadline(
    run, entry_deadline, region, editor, editor_of_other_organisation, lut, kotka, settings
):
    settings.SITE_URL = "https://elo.example"
    GuidanceActionFactory(organisation=lut, year=2024)
    GuidanceActionFactory(organisation=kotka, year=2023)  # another year's counts for nothing
    organiser = OrganisationFactory(region=region, name="Saimaan ammattiopisto")
    MembershipFactory(organisation=organiser, user__email="sampo@kaselo.example")
    EventFactory(region=region, starts_on=dt.date(2024, 11, 5)).organisers.add(organiser)
    MembershipFactory(
        organisation=kotka, user__email="lukija@kaselo.example", role=Membership.Role.VIEWER
    )

    [message] = run(dt.date(2025, 1, 24))

    assert message.to == [editor.email]
    with translation.override("fi"):
        subject = gettext("Reminder: log the work of %(organisation)s in %(year)s by %(date)s")
    assert message.subject == subject % {
        "organisation": kotka.name,
        "year": 2024,
        "date": "31.1.2025",
    }
    assert f"https://elo.example/kaakkois-suomi/ohjaustoimenpiteet/uusi/{kotka.slug}/" in (
        message.body
    )
    assert run(dt.date(2025, 1, 25)) == []
    assert run(dt.date(2025, 2, 1)) == [], "no entry reminder after the deadline"


def test_no_entry_reminder_once_the_region_s_report_is_submitted(
    run, entry_deadline, region, editor
):
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)

    assert run(dt.date(2025, 1, 24)) == []


# --- Faults and concurrency ----------------------------------------------------------------


@pytest.fixture
def unreachable_broker(settings):
    """Celery's broker on a port nobody listens on: queuing a task fails at once."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = app.conf.broker_url
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    app.conf.broker_url = f"redis://127.0.0.1:{closed}/0"
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url = previous
    app._pool = None
    app.amqp._producer_pool = None


def test_with_the_broker_down_the_reminder_is_kept_sent_later_and_never_twice(
    year_2024,
    region,
    coordinator,
    unreachable_broker,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_reminders(dt.date(2025, 3, 24)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_reminders(dt.date(2025, 3, 25)) == 0

    kept = UnsentMail.objects.get()
    assert kept.template == "reminder_report"
    assert kept.recipients == [coordinator.email]
    assert mailoutbox == []

    assert send_unsent_mail() == 1
    assert [message.subject for message in mailoutbox] == [report_subject(region, "31.3.2025")]


def test_the_run_s_queries_do_not_grow_with_regions_and_organisations(
    year_2024, region, coordinator, kotka, editor, django_capture_on_commit_callbacks
):
    EntryDeadline.objects.create(region=region, year=2024, due_date=DUE)
    # 24.3.2025: the 7-day step of the report and of the entry deadline alike.
    with CaptureQueriesContext(connection) as few:
        assert reminders.send_reminders(dt.date(2025, 3, 24)) == 2
    for _ in range(4):
        other = RegionFactory()
        CoordinatorFactory(region=other)
        EntryDeadline.objects.create(region=other, year=2024, due_date=DUE)
        for _member in range(3):
            MembershipFactory(organisation=OrganisationFactory(region=other))
    SentReminder.objects.all().delete()

    with CaptureQueriesContext(connection) as many:
        assert reminders.send_reminders(dt.date(2025, 3, 24)) == 2 + 4 * 4

    # The years, the open regions, the regions, reports, coordinators, the framework and
    # the answers, the deadlines, the editors behind, the sent records, the insert, and the
    # transaction's savepoint pair.
    assert len(many) == len(few) <= 14, [query["sql"] for query in many.captured_queries]


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once(year_2024, region, coordinator, etela_savo):
    CoordinatorFactory(region=etela_savo)
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def beat() -> None:
        try:
            with scope(region=None):
                barrier.wait(timeout=10)
                results.append(reminders.send_reminders(dt.date(2025, 3, 24)))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=beat) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(results) == [0, 2]
    assert SentReminder.objects.count() == 2


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_on_redis_sends_the_reminder(year_2024, region, coordinator, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    mail.outbox = []
    app.control.purge()

    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        with scope(region=None):
            assert reminders.send_reminders(dt.date(2025, 3, 1)) == 1
        deadline = time.monotonic() + 30
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.2)

    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert mail.outbox[0].subject == report_subject(region, "31.3.2025")
